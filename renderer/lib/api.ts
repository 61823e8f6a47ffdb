import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { EVENT_NAMES, type AppContract, type CommandName, type EventName } from '../../main/api/index.js';
import type { ErrorCode } from '../../main/api/errors.js';
import { bridge } from './bridge.js';

export type Input<K extends CommandName> = z.input<AppContract[K]['input']>;
export type Output<K extends CommandName> = z.output<AppContract[K]['output']>;

/** A failed command, as a value the UI can translate (see lib/errors.ts). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details ?? {};
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // A dropped socket or a missing bridge is not a command error, but showing it through the same
  // path keeps one error surface in the UI.
  return new ApiError('INTERNAL', err instanceof Error ? err.message : String(err));
}

export async function call<K extends CommandName>(name: K, input: Input<K>): Promise<Output<K>> {
  const result = await bridge().call(name, input);
  if (result.ok) return result.value as Output<K>;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}

// Which core events make which command's answer stale. Orders embed stock and customers embed
// order counts, so those areas listen to more than their own event.
const EVENTS_BY_AREA: Record<string, readonly EventName[]> = {
  orders: ['orders.changed', 'stock.changed', 'customers.changed', 'warehouses.changed'],
  inventory: ['stock.changed', 'catalog.changed', 'warehouses.changed', 'orders.changed'],
  catalog: ['catalog.changed', 'stock.changed', 'warehouses.changed'],
  customers: ['customers.changed', 'orders.changed'],
  warehouses: ['warehouses.changed', 'stock.changed'],
  session: ['session.changed', 'operators.changed'],
  operators: ['operators.changed', 'session.changed'],
  // The job runner reports a finished job only as jobs.changed, although applying its result may
  // book or move a shipment, open an exception or mark an account healthy: those areas listen too.
  jobs: ['jobs.changed', 'connectivity.changed'],
  shipping: ['shipments.changed', 'orders.changed', 'jobs.changed'],
  exceptions: ['exceptions.changed', 'orders.changed', 'shipments.changed', 'jobs.changed'],
  connections: ['connections.changed', 'connectivity.changed', 'jobs.changed'],
  cod: ['shipments.changed', 'jobs.changed', 'exceptions.changed'],
  // The pack screen re-reads its order on every scan's orders.changed; it must not also re-read on
  // unrelated traffic (connections, catalogue edits) while a packer is scanning.
  packing: ['orders.changed', 'shipments.changed', 'stations.changed', 'printing.changed', 'exceptions.changed'],
  picking: ['orders.changed', 'warehouses.changed', 'printing.changed'],
  print: ['printing.changed', 'shipments.changed', 'orders.changed'],
  printers: ['printing.changed', 'stations.changed'],
  stations: ['stations.changed', 'warehouses.changed'],
  scales: ['stations.changed'],
  marketplaces: ['connections.changed', 'connectivity.changed', 'jobs.changed', 'intake.changed'],
  intake: ['intake.changed', 'orders.changed', 'catalog.changed', 'jobs.changed', 'connections.changed'],
  // Pushes finish as jobs.changed; our available moves with stock.changed.
  listings: ['listings.changed', 'jobs.changed', 'stock.changed', 'catalog.changed', 'connections.changed'],
};

export function eventsFor(name: CommandName): readonly EventName[] {
  return EVENTS_BY_AREA[name.split('.')[0]] ?? EVENT_NAMES;
}

/** Subscribes to several core events at once; returns one unsubscribe. */
export function onEvents(names: readonly string[], listener: (name: string, payload: unknown) => void): () => void {
  const offs = names.map((n) => bridge().on(n, (payload) => listener(n, payload)));
  return () => offs.forEach((off) => off());
}

export interface CommandState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  /** True on the first load and while a changed input is fetched. Previous data stays visible. */
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a read command and keeps its answer fresh: it re-runs when `input` changes (compared by
 * value), when any of `deps` change, and when the core reports a change in a related area.
 * Pass `null` as input to skip the call (e.g. while an id is not known yet).
 */
export function useCommand<K extends CommandName>(
  name: K,
  input: Input<K> | null,
  deps: readonly unknown[] = [],
): CommandState<Output<K>> {
  const [data, setData] = useState<Output<K>>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(input !== null);
  const [tick, setTick] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;

  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    call(name, inputRef.current as Input<K>).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (err: unknown) => {
        if (!live) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, key, tick, ...deps]);

  useEffect(() => {
    if (key === null) return;
    return onEvents(eventsFor(name), () => setTick((n) => n + 1));
  }, [name, key]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

export interface ActionState<K extends CommandName> {
  run: (input: Input<K>) => Promise<Output<K> | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  reset: () => void;
}

/**
 * Runs a write command on demand. `run` resolves to the output, or to `undefined` after a failure
 * (the error is kept in `error` for the form to show), so callers need no try/catch.
 */
export function useAction<K extends CommandName>(name: K): ActionState<K> {
  const task = useTask();
  const { run: runTask } = task;
  const run = useCallback((input: Input<K>) => runTask(() => call(name, input)), [name, runTask]);
  return { ...task, run };
}

export interface TaskState {
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  pending: boolean;
  error: ApiError | undefined;
  reset: () => void;
}

/** Like `useAction` for work that picks its command at run time (create or update) or makes several calls. */
export function useTask(): TaskState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setPending(true);
    setError(undefined);
    try {
      return await work();
    } catch (err) {
      setError(toApiError(err));
      return undefined;
    } finally {
      setPending(false);
    }
  }, []);
  const reset = useCallback(() => setError(undefined), []);
  return { run, pending, error, reset };
}
