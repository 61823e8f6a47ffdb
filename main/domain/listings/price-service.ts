import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store.js';
import { enqueue } from '../../sync/outbox.js';
import { DEFAULT_PRICE_POLICY, planPrices, shopPrice, type PriceModel, type PricePlan, type PricePolicy } from './price-rules.js';

// The price push in the store: the shop's price policy, one item's price plan, the results (listings and
// the push log, kind 'price'). Catalogue price changes queue their pushes from the trigger of migration
// 0015; this queues the ones asked for ("push price now").

export type PriceReason = 'price' | 'manual';

export function readPricePolicy(store: Store, accountId: number): PricePolicy {
  const row = store.prepare('SELECT price_enabled, price_markup_percent, price_markup_fixed FROM listing_policies WHERE account_id = ?').get(accountId) as
    | { price_enabled: number; price_markup_percent: number; price_markup_fixed: number }
    | undefined;
  if (!row) return { ...DEFAULT_PRICE_POLICY };
  return { enabled: row.price_enabled === 1, markupPercent: row.price_markup_percent, markupFixed: row.price_markup_fixed };
}

/** Writes the price part of the shop's policy; a new policy row takes the stock defaults of migration 0012. */
export function writePricePolicy(store: Store, accountId: number, p: PricePolicy, now: number): void {
  store.prepare(`INSERT INTO listing_policies (account_id, price_enabled, price_markup_percent, price_markup_fixed, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (account_id) DO UPDATE SET price_enabled = excluded.price_enabled, price_markup_percent = excluded.price_markup_percent,
      price_markup_fixed = excluded.price_markup_fixed, updated_at = excluded.updated_at`)
    .run(accountId, Number(p.enabled), p.markupPercent, p.markupFixed, now);
}

export const priceCoalesceKey = (accountId: number, itemId: string) => `listings.price:${accountId}:${itemId}`;

/**
 * Queues a price push of one item at `runAfter` (coalesced with a queued one, whose time only moves
 * earlier). `promotionRetries` counts the refusals during a promotion that led here (0 for a fresh ask).
 */
export function queuePricePush(store: Store, accountId: number, itemId: string, reason: PriceReason, now: number, runAfter = now, promotionRetries = 0): number {
  const key = priceCoalesceKey(accountId, itemId);
  const payload = { accountId, itemId, reason, promotionRetries };
  const id = enqueue(store, { kind: 'listings.pushPrice', accountId, key: `${key}:${randomUUID()}`, coalesceKey: key, payload, runAfter }, now);
  store.prepare("UPDATE jobs SET run_after = min(run_after, ?) WHERE id = ? AND status = 'queued'").run(runAfter, id);
  return id;
}

/** Items of the shop with at least one linked listing. */
export const linkedItems = (store: Store, accountId: number): string[] =>
  store.prepare('SELECT DISTINCT item_id FROM listings WHERE account_id = ? AND variant_id IS NOT NULL').pluck().all(accountId) as string[];

/** What to write for one item now, from the catalogue prices as they are when the job runs. */
export function planItemPrices(store: Store, accountId: number, itemId: string): { policy: PricePolicy; plan: PricePlan } {
  const policy = readPricePolicy(store, accountId);
  if (!policy.enabled) return { policy, plan: { entries: [], refused: [] } };
  const models = store.prepare(`SELECT l.id AS listingId, l.model_id AS modelId, v.price AS cataloguePrice, l.price AS shopeePrice
    FROM listings l LEFT JOIN variants v ON v.id = l.variant_id WHERE l.account_id = ? AND l.item_id = ? ORDER BY l.id`).all(accountId, itemId) as PriceModel[];
  return { policy, plan: planPrices(models, policy) };
}

export interface PriceOutcome { listingId: number; price: number | null; ok: boolean; errorCode?: string; error?: string }

/** Applies one price push's results: the listing's last pushed price (and Shopee's price as now known) or its error, one log row each. */
export function recordPricePushes(store: Store, accountId: number, reason: PriceReason, outcomes: readonly PriceOutcome[], jobId: number | null, now: number): void {
  const ok = store.prepare('UPDATE listings SET last_pushed_price = ?, last_price_pushed_at = ?, last_price_error = NULL, price = ?, updated_at = ? WHERE id = ?');
  const bad = store.prepare('UPDATE listings SET last_price_error = ?, updated_at = ? WHERE id = ?');
  const log = store.prepare(`INSERT INTO listing_push_log (account_id, listing_id, at, reason, result, error_code, error, job_id, kind, price)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'price', ?)`);
  for (const o of outcomes) {
    if (o.ok) ok.run(o.price, now, o.price, now, o.listingId);
    else bad.run(`${o.errorCode ?? 'FAILED'}: ${o.error ?? ''}`.slice(0, 500), now, o.listingId);
    log.run(accountId, o.listingId, now, reason, o.ok ? 'ok' : 'failed', o.ok ? null : o.errorCode ?? 'FAILED', o.ok ? null : (o.error ?? '').slice(0, 1000), jobId, o.price);
  }
}

/** The price part of a listing row for the listings screen. */
export interface ListingPriceRow {
  variant_id: number | null; variant_price: number | null; last_pushed_price: number | null; last_price_pushed_at: number | null; last_price_error: string | null;
  price_due_at: number | null;
}

export function listingPrice(r: ListingPriceRow, policy: PricePolicy) {
  return {
    catalogPrice: r.variant_price,
    /** What a price push would write now (null: not linked, price push off, or not a price Shopee takes). */
    priceToPush: r.variant_id !== null && r.variant_price !== null && policy.enabled ? shopPrice(r.variant_price, policy) : null,
    lastPushedPrice: r.last_pushed_price,
    lastPricePushedAt: r.last_price_pushed_at,
    lastPriceError: r.last_price_error,
    /** When the queued price push runs (later than now while it waits out a Shopee promotion). */
    pricePushDueAt: r.price_due_at,
  };
}

/** The columns listingPrice reads, for the listings query (`l` = listings, `v` = variants). */
export const LISTING_PRICE_COLUMNS = `v.price AS variant_price,
    (SELECT min(j.run_after) FROM jobs j WHERE j.coalesce_key = 'listings.price:' || l.account_id || ':' || l.item_id AND j.status IN ('queued', 'running')) AS price_due_at`;
