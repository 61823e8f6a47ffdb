import { useEffect, useState } from 'react';
import type { ScaleState } from '../../../main/api/scales.js';
import { call } from '../../lib/api.js';

// The core holds the scale; the field asks for its state a few times a second while it is on screen.
// A desk without a scale is asked rarely, just often enough to notice one being set up.
const FAST_MS = 250;
const SLOW_MS = 5_000;

export function useScale(enabled = true): ScaleState | undefined {
  const [state, setState] = useState<ScaleState>();
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    let timer: number | undefined;
    const tick = async () => {
      let next: ScaleState | undefined;
      try {
        next = await call('scales.read', {});
      } catch {
        next = undefined; // signed out or core restarting: typing still works
      }
      if (!live) return;
      setState(next);
      timer = window.setTimeout(tick, next && next.connection !== 'none' ? FAST_MS : SLOW_MS);
    };
    void tick();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [enabled]);
  return state;
}
