import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { DEFAULT_POLL_MS } from './intake-state.js';
import { pullShopee, type PullOptions, type PullResult } from './intake-pull.js';

// The order-intake scheduler in the core (like the GHN tracking schedule): every few seconds it looks
// for connected marketplace accounts whose poll interval has passed and pulls them, one pull per
// account at a time. It waits while the machine is offline; "sync now" runs a pull at once.

export interface PollerOptions {
  store: Store;
  secrets: SecretBox;
  now: () => number;
  /** The outbox runner's view of connectivity. */
  isOnline?: () => boolean;
  /** After a pull that changed something. */
  onChange?: (r: PullResult & { accountId: number }) => void;
  log?: (message: string, error?: unknown) => void;
  /** How often due accounts are looked for (default 5 s); 0 = only syncNow. */
  tickMs?: number;
  pull?: PullOptions;
}

/** After a pull that failed because the network is down, try again this soon at most. */
const OFFLINE_RETRY_MS = 30_000;

const pollers = new WeakMap<Store, IntakePoller>();
export const intakePollerOf = (store: Store): IntakePoller | undefined => pollers.get(store);

export class IntakePoller {
  readonly #running = new Map<number, Promise<PullResult>>();
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  readonly #offlineUntil = new Map<number, number>();

  constructor(private readonly o: PollerOptions) {
    pollers.set(o.store, this);
  }

  start(): void {
    const every = this.o.tickMs ?? 5_000;
    if (every <= 0 || this.#timer) return;
    this.#timer = setInterval(() => this.tick(), every);
    this.#timer.unref();
  }

  isRunning(accountId: number): boolean {
    return this.#running.has(accountId);
  }

  /** Accounts due now: connected, active, not waiting for a reconnect, interval passed since the last attempt. */
  dueAccounts(): number[] {
    const now = this.o.now();
    const rows = this.o.store.prepare(`SELECT a.id, coalesce(i.poll_every_ms, ?) AS every, i.last_attempt_at AS last
      FROM connector_accounts a JOIN marketplace_authorizations m ON m.account_id = a.id
      LEFT JOIN intake_accounts i ON i.account_id = a.id
      WHERE a.provider = 'shopee' AND a.active = 1 AND m.needs_reconnect = 0 AND m.tokens_sealed != ''`).all(DEFAULT_POLL_MS) as { id: number; every: number; last: number | null }[];
    return rows.filter((r) => (r.last ?? 0) + r.every <= now && (this.#offlineUntil.get(r.id) ?? 0) <= now).map((r) => r.id);
  }

  tick(): void {
    if (this.#closed || (this.o.isOnline && !this.o.isOnline())) return;
    let due: number[];
    try {
      due = this.dueAccounts();
    } catch (error) {
      this.o.log?.('intake: reading due accounts failed', error);
      return;
    }
    for (const id of due) if (!this.#running.has(id)) void this.syncNow(id);
  }

  /** Pulls the account now (or joins the pull already running). */
  syncNow(accountId: number): Promise<PullResult> {
    const running = this.#running.get(accountId);
    if (running) return running;
    const p = pullShopee({ store: this.o.store, secrets: this.o.secrets, now: this.o.now, stop: () => this.#closed }, accountId, this.o.pull)
      .then((r) => {
        if (!r.ok && r.error?.kind === 'offline') this.#offlineUntil.set(accountId, this.o.now() + OFFLINE_RETRY_MS);
        else this.#offlineUntil.delete(accountId);
        this.o.onChange?.({ ...r, accountId });
        return r;
      }, (error) => {
        this.o.log?.(`intake: pull of account ${accountId} failed`, error);
        return { ok: false, counts: { created: 0, updated: 0, unchanged: 0, needsMapping: 0, cancelled: 0, exceptions: 0 }, pages: 0, windows: 0, errors: 1, caughtUp: false, error: { code: 'INTERNAL', message: String(error), kind: 'permanent' } } as PullResult;
      })
      .finally(() => this.#running.delete(accountId));
    this.#running.set(accountId, p);
    return p;
  }

  /** Stops scheduling and waits for running pulls (each page is its own transaction: stopping between pages loses nothing). */
  async drain(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await Promise.allSettled([...this.#running.values()]);
    if (pollers.get(this.o.store) === this) pollers.delete(this.o.store);
  }
}
