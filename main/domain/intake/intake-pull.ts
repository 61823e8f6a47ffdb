import { getOrderDetail, getOrderList, MAX_DETAIL_BATCH, MAX_ORDER_PAGE, chunk } from '../../connectors/marketplaces/shopee/shopee-orders.js';
import type { OrderListPage, ShopeeOrderDetail } from '../../connectors/marketplaces/shopee/shopee-schemas.js';
import type { ShopeeShop } from '../../connectors/marketplaces/shopee/shopee-shop.js';
import type { SecretBox } from '../../core/secret-box.js';
import { isJobError, JobError } from '../../sync/job-error.js';
import type { Store } from '../../store/store.js';
import { rateLimits } from '../connections/connection-service.js';
import { shopeeShopFor } from '../marketplaces/shopee/shopee-account.js';
import { emptyCounts, IntakeWriter, type ApplyCounts } from './intake-apply.js';
import { advanceCursor, intakeRow, markAttempt, recordError } from './intake-state.js';
import { nextWindow, type Window, type WindowOptions } from './intake-windows.js';
import { mapShopeeOrder, type MappedOrder } from './shopee-order-mapping.js';

// One pull of one Shopee account (spec §1.4, §1.8): walk the update_time windows from the watermark to
// now (≤15 days each, overlapping), 100 orders per page, details 50 at a time with the optional fields;
// each page is applied and the cursor advanced in ONE transaction, so a crash anywhere re-reads at most
// the page it was on and re-applying it changes nothing.

export interface PullDeps {
  store: Store;
  secrets: SecretBox;
  now: () => number;
  /** Test and bench hooks: after each committed page. */
  onPage?: (info: { accountId: number; window: Window; counts: ApplyCounts; orders: number }) => void;
  /** The shop to talk to (tests); default: the account's token-managed shop. */
  shop?: ShopeeShop;
  sleep?: (ms: number) => Promise<void>;
  /** Checked between pages: the core is closing (the pull resumes at the same cursor next start). */
  stop?: () => boolean;
}

export interface PullOptions extends WindowOptions {
  /** Attempts per call before the pull stops (it resumes at the same page next time). */
  attempts?: number;
  /** Longest wait honoured from a Retry-After inside one pull. */
  maxRetryWaitMs?: number;
  /** Windows walked in one pull (catch-up continues on the next). */
  maxWindows?: number;
}

export interface PullResult {
  ok: boolean;
  counts: ApplyCounts;
  pages: number;
  windows: number;
  errors: number;
  caughtUp: boolean;
  error?: { code: string; message: string; kind: string };
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Orders a pull could not use (unknown status, malformed detail) and that are not imported yet: retried on every pull. */
const FAILED_RETRY_LIMIT = MAX_DETAIL_BATCH;
/** Pages fetched (list and details) but not yet written, at most: while one is written, the next two are fetched. */
const LOOKAHEAD_PAGES = 3;

interface FetchedPage {
  cursor: string;
  page: OrderListPage;
  sns: string[];
  fetched: { got: ShopeeOrderDetail[]; bad: { sn: string; error: JobError }[] };
  more: boolean;
}

/** Runs at most `n` of the given calls at once, the others in turn. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    while (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/**
 * Pages in order from the fetching loop to the writing loop. `room(n)` waits until fewer than n pages are
 * fetched-but-not-written; `done()` after a page is written. Closing rejects nothing: pages still in
 * flight are dropped (their errors swallowed).
 */
function pageChannel<T>() {
  const queue: Promise<T>[] = [];
  let waiting: ((p: Promise<T>) => void) | null = null;
  let unwritten = 0;
  let roomWaiters: (() => void)[] = [];
  let closed = false;
  const wakeRoom = () => {
    const w = roomWaiters;
    roomWaiters = [];
    for (const f of w) f();
  };
  return {
    push(p: Promise<T>): void {
      p.catch(() => {});
      unwritten++;
      if (waiting) {
        const w = waiting;
        waiting = null;
        w(p);
      } else queue.push(p);
    },
    take(): Promise<T> {
      const p = queue.shift();
      if (p) return p;
      return new Promise<Promise<T>>((resolve) => (waiting = resolve)).then((q) => q);
    },
    done(): void {
      unwritten--;
      wakeRoom();
    },
    async room(n: number): Promise<void> {
      while (!closed && unwritten >= n) await new Promise<void>((resolve) => roomWaiters.push(resolve));
    },
    close(): void {
      closed = true;
      wakeRoom();
    },
  };
}

export async function pullShopee(deps: PullDeps, accountId: number, opts: PullOptions = {}): Promise<PullResult> {
  const { store, now } = deps;
  const sleep = deps.sleep ?? defaultSleep;
  const result: PullResult = { ok: true, counts: emptyCounts(), pages: 0, windows: 0, errors: 0, caughtUp: false };
  const row = store.tx(() => intakeRow(store, accountId, now()));
  const fail = (e: unknown): PullResult => {
    const je = isJobError(e) ? e : new JobError('permanent', 'INTERNAL', e instanceof Error ? e.message : String(e));
    store.tx(() => {
      markAttempt(store, accountId, { ok: false, code: je.code, message: je.message }, now());
      recordError(store, accountId, { code: je.code, message: je.message, raw: je.raw }, now());
    });
    result.errors++;
    return { ...result, ok: false, error: { code: je.code, message: je.message, kind: je.kind } };
  };
  if (row.warehouse_id === null) return fail(new JobError('permanent', 'INTAKE_NO_WAREHOUSE', 'No active warehouse to receive marketplace orders'));
  let shop: ShopeeShop;
  try {
    shop = deps.shop ?? shopeeShopFor(store, deps.secrets, accountId, { now });
  } catch (e) {
    return fail(new JobError('auth', 'INTAKE_NOT_CONNECTED', e instanceof Error ? e.message : String(e)));
  }
  const writer = new IntakeWriter(store, { accountId, channel: 'shopee', warehouseId: row.warehouse_id });
  const attempts = opts.attempts ?? 6;
  // Requests in flight at once for this account (pages ahead and their detail batches): its connection setting.
  const slot = limiter(Math.max(1, rateLimits(store, accountId).concurrency || 1));

  /** A call with retries; every malformed or refused answer is recorded with its raw body. */
  const retrying = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await slot(fn);
      } catch (e) {
        if (!isJobError(e)) throw e;
        if (e.raw !== undefined && e.code !== 'SHOPEE_TOKEN_INVALID') {
          store.tx(() => recordError(store, accountId, { code: e.code, message: `${what}: ${e.message}`, raw: e.raw }, now()));
          result.errors++;
        }
        if (!e.retryable || e.kind === 'offline' || attempt >= attempts) throw e;
        const backoff = Math.min(3_000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        await sleep(Math.min(opts.maxRetryWaitMs ?? 30_000, Math.max(e.retryAfterMs ?? 0, backoff)));
      }
    }
  };

  /** Details of some orders; a batch Shopee answers with something unusable is split to find the culprit. */
  const details = async (sns: string[]): Promise<{ got: ShopeeOrderDetail[]; bad: { sn: string; error: JobError }[] }> => {
    const got: ShopeeOrderDetail[] = [];
    const bad: { sn: string; error: JobError }[] = [];
    const one = async (batch: string[]): Promise<void> => {
      try {
        got.push(...(await retrying('get_order_detail', () => getOrderDetail(shop, batch))));
      } catch (e) {
        if (!isJobError(e) || e.kind !== 'permanent') throw e;
        if (batch.length === 1) bad.push({ sn: batch[0], error: e });
        else for (const part of chunk(batch, Math.ceil(batch.length / 2))) await one(part);
      }
    };
    await Promise.all(chunk(sns, MAX_DETAIL_BATCH).map(one));
    return { got, bad };
  };

  /** Maps and applies a set of orders and moves the cursor, in one transaction. */
  const applyPage = (sns: string[], fetched: { got: ShopeeOrderDetail[]; bad: { sn: string; error: JobError }[] }, advance: ((counts: ApplyCounts) => void) | null) => {
    const at = now();
    const counts = emptyCounts();
    const mapped: MappedOrder[] = [];
    const failures: { sn: string; code: string; message: string; raw: unknown }[] = fetched.bad.map((b) => ({ sn: b.sn, code: b.error.code, message: b.error.message, raw: b.error.raw }));
    const seen = new Set<string>();
    for (const d of fetched.got) {
      seen.add(d.order_sn);
      const m = mapShopeeOrder(d);
      if (m.ok) mapped.push(m.order);
      else failures.push({ sn: d.order_sn, code: `INTAKE_${m.code}`, message: m.message, raw: d });
    }
    for (const sn of sns) if (!seen.has(sn) && !failures.some((f) => f.sn === sn)) failures.push({ sn, code: 'INTAKE_DETAIL_MISSING', message: `Shopee listed ${sn} but returned no detail for it`, raw: null });
    store.tx(() => {
      for (const o of mapped) writer.apply(o, at, counts);
      for (const f of failures) {
        recordError(store, accountId, { code: f.code, message: f.message, externalId: f.sn, raw: f.raw ?? undefined }, at);
        // Not imported yet: keep it for a retry on the next pull (an imported order keeps its last good state).
        store.prepare(`INSERT INTO marketplace_orders (account_id, external_id, state, marketplace_status, update_time, created_at, updated_at)
          VALUES (?, ?, 'failed', '', 0, ?, ?) ON CONFLICT DO NOTHING`).run(accountId, f.sn, at, at);
      }
      advance?.(counts);
    });
    result.errors += failures.length;
    for (const k of Object.keys(counts) as (keyof ApplyCounts)[]) result.counts[k] += counts[k];
    return counts;
  };

  try {
    // Orders an earlier pull could not use: asked again first.
    const retry = store.sqlite.prepare("SELECT external_id FROM marketplace_orders WHERE account_id = ? AND state = 'failed' ORDER BY updated_at LIMIT ?").pluck()
      .all(accountId, FAILED_RETRY_LIMIT) as string[];
    if (retry.length) applyPage(retry, await details(retry), null);

    const maxWindows = opts.maxWindows ?? 100;
    for (; result.windows < maxWindows; ) {
      const state = intakeRow(store, accountId, now());
      const nowS = Math.floor(now() / 1000);
      const window: Window = state.window_from !== null && state.window_to !== null
        ? { timeFrom: state.window_from, timeTo: state.window_to }
        : nextWindow(state.watermark, nowS, opts);
      const startCursor = state.window_from !== null ? state.page_cursor ?? '' : '';
      // Pages ahead of the one being written are fetched meanwhile (list cursor chain, then their details):
      // nothing is written before its turn, and the cursor only moves with a written page.
      const ahead = pageChannel<FetchedPage>();
      let stopped = false;
      void (async () => {
        let cursor = startCursor;
        for (;;) {
          await ahead.room(LOOKAHEAD_PAGES);
          if (stopped) return;
          const page = await retrying('get_order_list', () => getOrderList(shop, { timeRangeField: 'update_time', timeFrom: window.timeFrom, timeTo: window.timeTo, pageSize: MAX_ORDER_PAGE, cursor }));
          const sns = [...new Set(page.order_list.map((o) => o.order_sn))];
          const more = page.more && !!page.next_cursor && page.next_cursor !== cursor;
          const at = cursor;
          ahead.push((sns.length ? details(sns) : Promise.resolve({ got: [], bad: [] })).then((fetched) => ({ cursor: at, page, sns, fetched, more })));
          if (!more) return;
          cursor = page.next_cursor;
        }
      })().catch((e: unknown) => ahead.push(Promise.reject(e)));
      try {
        for (;;) {
          if (deps.stop?.()) return { ...result, ok: true };
          const { page, sns, fetched, more } = await ahead.take();
          const counts = applyPage(sns, fetched, ({ received }) => {
            if (more) advanceCursor(store, accountId, { window, nextCursor: page.next_cursor, created: received }, now());
            else advanceCursor(store, accountId, { window, watermark: window.timeTo, created: received }, now());
          });
          ahead.done();
          result.pages++;
          deps.onPage?.({ accountId, window, counts, orders: sns.length });
          if (!more) break;
        }
      } finally {
        stopped = true;
        ahead.close();
      }
      result.windows++;
      if (window.timeTo >= nowS) {
        result.caughtUp = true;
        break;
      }
    }
    store.tx(() => markAttempt(store, accountId, { ok: true }, now()));
    return result;
  } catch (e) {
    return fail(e);
  }
}
