import { useCallback, useEffect, useRef } from 'react';
import type { CommandName } from '../../../main/api/index.js';
import { call, eventsFor, onEvents, type Input, type Output } from '../../lib/api.js';
import { CoalescedRefresh } from './coalesced-refresh.js';

export interface QuietOptions {
  /** A scan of the screen's own is in flight. */
  busy?: () => boolean;
  /** Moves whenever the screen applies a result of its own (see CoalescedRefresh). */
  epoch?: () => number;
  quietMs?: number;
}

/** After `ms`, then when the page is idle (at most a second later), so the read never delays a frame. */
function afterQuiet(fn: () => void, ms: number): () => void {
  let idle: number | null = null;
  const timer = window.setTimeout(() => {
    idle = window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 1000 }) : window.setTimeout(fn, 0);
  }, ms);
  return () => {
    window.clearTimeout(timer);
    if (idle !== null) (window.cancelIdleCallback ?? window.clearTimeout)(idle);
  };
}

/**
 * A read the pack screen keeps fresh like useCommand does, but coalesced (see coalesced-refresh.ts):
 * `apply` gets each answer; the core's events of the screen's own scans cause one read after they
 * quieten down instead of one per event.
 */
export function useQuietCommand<K extends CommandName>(name: K, input: Input<K>, apply: (value: Output<K>) => void, options: QuietOptions = {}): { reload: () => void } {
  const latest = useRef({ apply, options });
  latest.current = { apply, options };
  const refresh = useRef<CoalescedRefresh<Output<K>> | null>(null);
  const key = JSON.stringify(input);

  useEffect(() => {
    const r = new CoalescedRefresh<Output<K>>({
      read: () => call(name, JSON.parse(key) as Input<K>),
      apply: (v) => latest.current.apply(v),
      busy: () => latest.current.options.busy?.() ?? false,
      epoch: () => latest.current.options.epoch?.() ?? 0,
      wait: afterQuiet,
      quietMs: latest.current.options.quietMs ?? 300,
    });
    refresh.current = r;
    void r.run();
    const off = onEvents(eventsFor(name), () => r.poke());
    return () => {
      off();
      r.close();
    };
  }, [name, key]);

  return { reload: useCallback(() => void refresh.current?.run(), []) };
}
