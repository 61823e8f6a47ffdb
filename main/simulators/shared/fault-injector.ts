// Decides, per request, whether the simulator misbehaves and how. Faults act like the network or the
// provider's gateway, in front of the business logic: only `dropAfterCommit` and `malformed` let the
// request reach the handler (the provider did the work; we just never get a usable answer).

import { chance, seededRandom, type Random } from './prng.js';

export type FaultKind = 'timeout' | 'serverError' | 'rateLimit' | 'dropAfterCommit' | 'malformed';

export const FAULT_KINDS: readonly FaultKind[] = ['timeout', 'serverError', 'rateLimit', 'dropAfterCommit', 'malformed'];

export interface FaultConfig {
  /** Added to every matching request before anything else. */
  latencyMs?: number;
  /** Extra random latency, 0..jitterMs. */
  jitterMs?: number;
  /**
   * Held between doing the work and answering (`latencyMs` is before the work): the window in which a
   * client can die after the provider committed, for crash tests.
   */
  replyDelayMs?: number;
  /** Hold the request open for `timeoutHoldMs`, then destroy the socket without answering. */
  timeoutRate?: number;
  /** Default 120 s: longer than any sane client timeout. */
  timeoutHoldMs?: number;
  /** Answer HTTP 502 (HTML page) or 503 (JSON) without doing the work. */
  serverErrorRate?: number;
  /** Answer HTTP 429 with `Retry-After` without doing the work. */
  rateLimitRate?: number;
  /** Seconds put in `Retry-After` for injected 429s; default 2. */
  retryAfterSeconds?: number;
  /** Do the work (e.g. create the order), then destroy the socket without answering. */
  dropAfterCommitRate?: number;
  /** Do the work, then send the JSON cut in half (with a matching Content-Length). */
  malformedRate?: number;
  /**
   * Paths the rates and latency apply to: exact paths, or prefixes ending in `*`; `['*']` = all.
   * Default: the simulator's business calls (not login, not master data).
   */
  paths?: string[];
  /** Seed for the fault stream; changing it through setFaults restarts the stream. */
  seed?: number;
}

export interface FaultDecision {
  kind: FaultKind | null;
  delayMs: number;
  /** Wait after the handler ran, before the answer goes out. */
  replyDelayMs: number;
}

interface Forced {
  kind: FaultKind;
  remaining: number;
  path?: string;
}

export function pathMatches(patterns: readonly string[], path: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path));
}

export class FaultInjector {
  private config: FaultConfig = {};
  private random: Random;
  private forced: Forced[] = [];

  constructor(
    config: FaultConfig | undefined,
    private readonly defaultPaths: readonly string[],
    private readonly defaultSeed: number,
  ) {
    this.random = seededRandom(defaultSeed);
    this.set(config ?? {});
  }

  /** Replaces the whole configuration (pass `{}` to stop all faults). Forced faults are kept. */
  set(config: FaultConfig): void {
    this.config = { ...config };
    if (config.seed !== undefined) this.random = seededRandom(config.seed);
  }

  get(): FaultConfig {
    return { ...this.config };
  }

  /** Forces the next `count` matching requests (optionally only on `path`) to fail as `kind`, regardless of rates. */
  forceNext(kind: FaultKind, count = 1, path?: string): void {
    this.forced.push({ kind, remaining: count, path });
  }

  clear(): void {
    this.forced = [];
    this.config = {};
    this.random = seededRandom(this.defaultSeed);
  }

  holdMs(): number {
    return this.config.timeoutHoldMs ?? 120_000;
  }

  retryAfterSeconds(): number {
    return this.config.retryAfterSeconds ?? 2;
  }

  /** Draws the fault for one request; call exactly once per request so the seeded stream stays reproducible. */
  decide(path: string): FaultDecision {
    const forced = this.forced.find((f) => (f.path ? f.path === path : pathMatches(this.paths(), path)));
    if (forced) {
      forced.remaining -= 1;
      if (forced.remaining <= 0) this.forced.splice(this.forced.indexOf(forced), 1);
      return { kind: forced.kind, delayMs: this.delay(path), replyDelayMs: this.replyDelay(path) };
    }
    if (!pathMatches(this.paths(), path)) return { kind: null, delayMs: 0, replyDelayMs: 0 };
    const delayMs = this.delay(path);
    const replyDelayMs = this.replyDelay(path);
    // One uniform draw against cumulative rates: with a fixed seed the same request always gets the same fate.
    const draw = this.random();
    let edge = 0;
    const rates: [FaultKind, number | undefined][] = [
      ['timeout', this.config.timeoutRate],
      ['serverError', this.config.serverErrorRate],
      ['rateLimit', this.config.rateLimitRate],
      ['dropAfterCommit', this.config.dropAfterCommitRate],
      ['malformed', this.config.malformedRate],
    ];
    for (const [kind, rate] of rates) {
      edge += Math.max(0, rate ?? 0);
      if (draw < edge) return { kind, delayMs, replyDelayMs };
    }
    return { kind: null, delayMs, replyDelayMs };
  }

  /** For choosing between fault variants (502 HTML vs 503 JSON) from the same seeded stream. */
  flip(rate = 0.5): boolean {
    return chance(this.random, rate);
  }

  private paths(): readonly string[] {
    return this.config.paths ?? this.defaultPaths;
  }

  private replyDelay(path: string): number {
    return pathMatches(this.paths(), path) ? Math.max(0, this.config.replyDelayMs ?? 0) : 0;
  }

  private delay(path: string): number {
    if (!pathMatches(this.paths(), path)) return 0;
    const base = this.config.latencyMs ?? 0;
    const jitter = this.config.jitterMs ? this.random() * this.config.jitterMs : 0;
    return Math.round(base + jitter);
  }
}
