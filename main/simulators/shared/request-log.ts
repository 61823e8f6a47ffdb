// What the simulator saw and answered, so tests can assert on the wire ("exactly one create was
// accepted", "the client sent ShopId", "the retry carried the same client_order_code").

import type { FaultKind } from './fault-injector.js';

export interface LoggedRequest {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased, as node gives them. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  /** HTTP status sent; 0 when the socket was dropped or held until timeout. */
  status: number;
  fault?: FaultKind;
  /** What the handler did, in a word the tests can match: "created", "replayed", "rejected", … */
  note?: string;
  /** Response text (JSON/HTML); omitted for binary replies. */
  response?: string;
  durationMs: number;
}

/** Keeps the newest entries only: the demo shop runs the simulators for hours. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  constructor(private readonly capacity = 5000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged = { ...entry, seq: ++this.seq };
    this.entries.push(logged);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    return logged;
  }

  list(): LoggedRequest[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
