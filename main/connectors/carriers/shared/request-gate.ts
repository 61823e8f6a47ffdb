import { AsyncLocalStorage } from 'node:async_hooks';

// Carrier requests made for a command (an address download, a quote, a connection test) must count
// against the account's per-minute quota like the job runner's do. The command runs its connector calls
// inside a gate; every HTTP request then waits for a slot. Jobs run without one: the runner reserves
// their requests before starting them, and counting them here too would spend the quota twice.

/** Waits until one request may start, takes the slot and returns its release. */
export type RequestGate = () => Promise<() => void>;

const current = new AsyncLocalStorage<RequestGate>();

export function withRequestGate<T>(gate: RequestGate, fn: () => Promise<T>): Promise<T> {
  return current.run(gate, fn);
}

/** Sends one request through the gate of the calling command, if any. */
export async function gated<T>(send: () => Promise<T>): Promise<T> {
  const gate = current.getStore();
  if (!gate) return send();
  const release = await gate();
  try {
    return await send();
  } finally {
    release();
  }
}
