import { randomUUID } from 'node:crypto';
import { fail } from '../../api/errors.js';
import type { Listing, PushLogEntry, PushPolicyInput } from '../../api/listings.js';
import type { Store } from '../../store/store.js';
import { enqueue } from '../../sync/outbox.js';
import { DEFAULT_POLICY, driftVerdict, pushQuantity, type PushPolicy } from './push-policy.js';
import type { PricePolicy } from './price-rules.js';
import { LISTING_PRICE_COLUMNS, listingPrice, readPricePolicy, type ListingPriceRow } from './price-service.js';
import type { RemoteListing } from './shopee-listings.js';

// Listings in the store: the policy, the push plan of one item, Shopee's stock as seen (drift), the log.

export type PushReason = 'stock' | 'manual' | 'drift' | 'link' | 'policy';

export interface ListingRow {
  id: number; account_id: number; item_id: string; model_id: string; sku: string; name: string; model_name: string; item_sku: string; item_status: string;
  price: number | null; shopee_stock: number | null; shopee_reserved: number; seen_at: number | null; variant_id: number | null; linked_by: string | null;
  last_pushed_qty: number | null; last_pushed_at: number | null; last_push_error: string | null; drift_shopee_stock: number | null; drift_at: number | null;
  drift_count: number; created_at: number; updated_at: number;
}

const DEFAULT_DRIFT_MS = 15 * 60_000;

export function readPolicy(store: Store, accountId: number): PushPolicy & { driftEveryMs: number } {
  const row = store.prepare('SELECT * FROM listing_policies WHERE account_id = ?').get(accountId) as
    | { enabled: number; share_percent: number; reserve_units: number; zero_below: number; max_shown: number | null; warehouse_ids_json: string; drift_every_ms: number }
    | undefined;
  if (!row) return { ...DEFAULT_POLICY, driftEveryMs: DEFAULT_DRIFT_MS };
  return {
    enabled: row.enabled === 1, sharePercent: row.share_percent, reserveUnits: row.reserve_units, zeroBelow: row.zero_below, maxShown: row.max_shown,
    warehouseIds: JSON.parse(row.warehouse_ids_json) as number[], driftEveryMs: row.drift_every_ms,
  };
}

export function writePolicy(store: Store, accountId: number, p: PushPolicyInput, now: number): void {
  store.prepare(`INSERT INTO listing_policies (account_id, enabled, share_percent, reserve_units, zero_below, max_shown, warehouse_ids_json, drift_every_ms, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled, share_percent = excluded.share_percent, reserve_units = excluded.reserve_units,
      zero_below = excluded.zero_below, max_shown = excluded.max_shown, warehouse_ids_json = excluded.warehouse_ids_json, drift_every_ms = excluded.drift_every_ms,
      updated_at = excluded.updated_at`)
    .run(accountId, Number(p.enabled), p.sharePercent, p.reserveUnits, p.zeroBelow, p.maxShown, JSON.stringify([...new Set(p.warehouseIds)].sort((a, b) => a - b)), p.driftEveryMinutes * 60_000, now);
}

export const policyOut = (accountId: number, p: ReturnType<typeof readPolicy>) => ({
  accountId, enabled: p.enabled, sharePercent: p.sharePercent, reserveUnits: p.reserveUnits, zeroBelow: p.zeroBelow, maxShown: p.maxShown,
  warehouseIds: p.warehouseIds, driftEveryMinutes: Math.round(p.driftEveryMs / 60_000),
});

export const pushCoalesceKey = (accountId: number, itemId: string) => `listings.push:${accountId}:${itemId}`;
export const driftCoalesceKey = (accountId: number) => `listings.drift:${accountId}`;

/**
 * Queues a push of one item (coalesced with a queued one, which is made due now). Stock changes queue theirs
 * from the stock-level triggers of migration 0012; this is for pushes asked for (now, drift, policy).
 */
export function queuePush(store: Store, accountId: number, itemId: string, reason: PushReason, now: number): number {
  const key = pushCoalesceKey(accountId, itemId);
  const id = enqueue(store, { kind: 'listings.push', accountId, key: `${key}:${randomUUID()}`, coalesceKey: key, payload: { accountId, itemId, reason }, runAfter: now }, now);
  store.prepare("UPDATE jobs SET run_after = min(run_after, ?) WHERE id = ? AND status = 'queued'").run(now, id);
  return id;
}

/** Queues the account's next drift check at `runAfter` (one queued at a time; an earlier time wins). */
export function queueDriftCheck(store: Store, accountId: number, runAfter: number, now: number): void {
  const key = driftCoalesceKey(accountId);
  const id = enqueue(store, { kind: 'listings.drift', accountId, key: `${key}:${randomUUID()}`, coalesceKey: key, payload: { accountId }, runAfter }, now);
  store.prepare("UPDATE jobs SET run_after = min(run_after, ?) WHERE id = ? AND status = 'queued'").run(runAfter, id);
}

const levelStmt = (store: Store) => store.prepare('SELECT warehouse_id AS warehouseId, on_hand - reserved AS available FROM stock_levels WHERE variant_id = ?');

export interface PlannedPush { listingId: number; modelId: string; quantity: number; available: number; raisedToReserved: boolean }

/**
 * What to write for one item now. A stock-change push sends only the models whose quantity moved from what
 * we last pushed (a model left alone keeps Shopee's own decrements for orders we have not pulled yet);
 * every other reason sends every linked model of the item.
 */
export function planItemPush(store: Store, accountId: number, itemId: string, reason: PushReason): { enabled: boolean; entries: PlannedPush[] } {
  const policy = readPolicy(store, accountId);
  if (!policy.enabled) return { enabled: false, entries: [] };
  const rows = store.prepare('SELECT * FROM listings WHERE account_id = ? AND item_id = ? AND variant_id IS NOT NULL ORDER BY id').all(accountId, itemId) as ListingRow[];
  const levels = levelStmt(store);
  const entries: PlannedPush[] = [];
  for (const r of rows) {
    const q = pushQuantity(policy, { levels: levels.all(r.variant_id) as { warehouseId: number; available: number }[], marketplaceReserved: r.shopee_reserved });
    if (reason === 'stock' && r.last_pushed_qty === q.quantity && !r.last_push_error) continue;
    entries.push({ listingId: r.id, modelId: r.model_id, quantity: q.quantity, available: q.available, raisedToReserved: q.raisedToReserved });
  }
  return { enabled: true, entries };
}

export interface PushOutcome { listingId: number; quantity: number | null; available: number | null; ok: boolean; errorCode?: string; error?: string }

export function recordPushes(store: Store, accountId: number, reason: PushReason, outcomes: PushOutcome[], jobId: number | null, now: number): void {
  const ok = store.prepare(`UPDATE listings SET last_pushed_qty = ?, last_pushed_at = ?, last_push_error = NULL, shopee_stock = ?, drift_shopee_stock = NULL,
    drift_at = NULL, updated_at = ? WHERE id = ?`);
  const bad = store.prepare('UPDATE listings SET last_push_error = ?, updated_at = ? WHERE id = ?');
  const log = store.prepare(`INSERT INTO listing_push_log (account_id, listing_id, at, reason, quantity, available, shopee_stock, result, error_code, error, job_id)
    VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`);
  for (const o of outcomes) {
    if (o.ok) ok.run(o.quantity, now, o.quantity, now, o.listingId);
    else bad.run(`${o.errorCode ?? 'FAILED'}: ${o.error ?? ''}`.slice(0, 500), now, o.listingId);
    log.run(accountId, o.listingId, now, reason, o.quantity, o.available, o.ok ? 'ok' : 'failed', o.ok ? null : o.errorCode ?? 'FAILED', o.ok ? null : (o.error ?? '').slice(0, 1000), jobId);
  }
}

/** Inserts or refreshes the listings of a shop read from Shopee (names, SKUs, price, stock as seen). */
export function upsertRemote(store: Store, accountId: number, remote: RemoteListing[], now: number): void {
  const up = store.prepare(`INSERT INTO listings (account_id, item_id, model_id, sku, name, model_name, item_sku, item_status, price, shopee_stock, shopee_reserved, seen_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (account_id, item_id, model_id) DO UPDATE SET sku = excluded.sku, name = excluded.name, model_name = excluded.model_name, item_sku = excluded.item_sku,
      item_status = excluded.item_status, price = excluded.price, updated_at = excluded.updated_at`);
  for (const r of remote) up.run(accountId, r.itemId, r.modelId, r.sku, r.name, r.modelName, r.itemSku, r.itemStatus, r.price, r.stock, r.reserved, now, now, now);
}

export type StockSeen = [itemId: string, modelId: string, stock: number | null, reserved: number];

/**
 * Shopee's stock as seen (after a pull or by the periodic check) against what we pushed: in step clears the
 * drift, "repush" logs it and queues a push of the item, "watch" keeps it for the next check (driftVerdict).
 * A changed promotion reserve that moves the quantity to push queues a push too. Returns the items queued.
 */
export function applySeenStock(store: Store, accountId: number, seen: StockSeen[], now: number): { drifted: number; queued: string[] } {
  const find = store.prepare('SELECT * FROM listings WHERE account_id = ? AND item_id = ? AND model_id = ?');
  const seenUp = store.prepare('UPDATE listings SET shopee_stock = ?, shopee_reserved = ?, seen_at = ?, drift_shopee_stock = ?, drift_at = ?, drift_count = drift_count + ? WHERE id = ?');
  const log = store.prepare(`INSERT INTO listing_push_log (account_id, listing_id, at, reason, quantity, available, shopee_stock, result, error_code, error, job_id)
    VALUES (?, ?, ?, 'drift', ?, NULL, ?, 'drift', NULL, ?, NULL)`);
  const policy = readPolicy(store, accountId);
  const levels = levelStmt(store);
  const items = new Map<string, PushReason>();
  let drifted = 0;
  for (const [itemId, modelId, stock, reserved] of seen) {
    const r = find.get(accountId, itemId, modelId) as ListingRow | undefined;
    if (!r) continue;
    const linked = r.variant_id !== null && policy.enabled;
    const verdict = linked && stock !== null ? driftVerdict(r.last_pushed_qty, stock, r.drift_shopee_stock !== null && r.drift_shopee_stock < (r.last_pushed_qty ?? 0)) : 'in_step';
    if (verdict === 'in_step') seenUp.run(stock, reserved, now, null, null, 0, r.id);
    else {
      seenUp.run(stock, reserved, now, stock, r.drift_at ?? now, 1, r.id);
      drifted += 1;
      log.run(accountId, r.id, now, r.last_pushed_qty, stock, verdict === 'repush' ? 'Shopee stock differs from the last push: re-pushed' : 'Shopee shows less than pushed: watched until the next check (orders not pulled yet?)');
      if (verdict === 'repush') items.set(itemId, 'drift');
    }
    if (linked && verdict !== 'repush' && reserved !== r.shopee_reserved && r.last_pushed_qty !== null) {
      const q = pushQuantity(policy, { levels: levels.all(r.variant_id) as { warehouseId: number; available: number }[], marketplaceReserved: reserved });
      if (q.quantity !== r.last_pushed_qty && !items.has(itemId)) items.set(itemId, 'stock');
    }
  }
  for (const [itemId, reason] of items) queuePush(store, accountId, itemId, reason, now);
  return { drifted, queued: [...items.keys()] };
}

type ListRow = ListingRow & ListingPriceRow & { variant_sku: string | null; push_queued: number };

export function toListing(store: Store, r: ListRow, policy: PushPolicy, pricePolicy: PricePolicy): Listing {
  let available: number | null = null;
  let wouldPush: number | null = null;
  let raised = false;
  if (r.variant_id !== null) {
    const q = pushQuantity(policy, { levels: levelStmt(store).all(r.variant_id) as { warehouseId: number; available: number }[], marketplaceReserved: r.shopee_reserved });
    available = q.available;
    wouldPush = policy.enabled ? q.quantity : null;
    raised = q.raisedToReserved;
  }
  return {
    id: r.id, accountId: r.account_id, itemId: r.item_id, modelId: r.model_id, sku: r.sku, name: r.name, modelName: r.model_name, itemStatus: r.item_status,
    price: r.price, shopeeStock: r.shopee_stock, shopeeReserved: r.shopee_reserved, seenAt: r.seen_at, variantId: r.variant_id, variantSku: r.variant_sku,
    linkedBy: r.linked_by, available, wouldPush, raisedToReserved: raised, lastPushedQty: r.last_pushed_qty, lastPushedAt: r.last_pushed_at,
    lastPushError: r.last_push_error, driftShopeeStock: r.drift_shopee_stock, driftAt: r.drift_at, pushQueued: r.push_queued === 1,
    ...listingPrice(r, pricePolicy),
  };
}

const LIST_SELECT = `SELECT l.*, v.sku AS variant_sku, ${LISTING_PRICE_COLUMNS},
    EXISTS (SELECT 1 FROM jobs j WHERE j.coalesce_key = 'listings.push:' || l.account_id || ':' || l.item_id AND j.status IN ('queued', 'running')) AS push_queued
  FROM listings l LEFT JOIN variants v ON v.id = l.variant_id`;

export function getListing(store: Store, id: number): Listing {
  const r = store.prepare(`${LIST_SELECT} WHERE l.id = ?`).get(id) as ListRow | undefined;
  if (!r) fail('NOT_FOUND', 'Listing not found', { entity: 'listing', id });
  return toListing(store, r!, readPolicy(store, r!.account_id), readPricePolicy(store, r!.account_id));
}

export function listListings(store: Store, q: { accountId: number; filter: 'all' | 'linked' | 'unlinked' | 'drift' | 'failed'; search: string; limit: number; offset: number }) {
  const where = ['l.account_id = ?'];
  const params: unknown[] = [q.accountId];
  if (q.filter === 'linked') where.push('l.variant_id IS NOT NULL');
  if (q.filter === 'unlinked') where.push('l.variant_id IS NULL');
  if (q.filter === 'drift') where.push('l.drift_shopee_stock IS NOT NULL');
  if (q.filter === 'failed') where.push('l.last_push_error IS NOT NULL');
  if (q.search) {
    where.push("(l.sku LIKE ? ESCAPE '\\' OR l.name LIKE ? ESCAPE '\\' OR l.item_id = ? OR v.sku LIKE ? ESCAPE '\\')");
    const like = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, q.search, like);
  }
  const w = where.join(' AND ');
  const policy = readPolicy(store, q.accountId);
  const pricePolicy = readPricePolicy(store, q.accountId);
  const items = (store.prepare(`${LIST_SELECT} WHERE ${w} ORDER BY l.name, l.item_id, l.model_id LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as ListRow[])
    .map((r) => toListing(store, r, policy, pricePolicy));
  const total = (store.prepare(`SELECT count(*) AS n FROM listings l LEFT JOIN variants v ON v.id = l.variant_id WHERE ${w}`).get(...params) as { n: number }).n;
  const c = store.prepare(`SELECT count(*) FILTER (WHERE variant_id IS NOT NULL) AS linked, count(*) FILTER (WHERE variant_id IS NULL) AS unlinked,
      count(*) FILTER (WHERE drift_shopee_stock IS NOT NULL) AS drift FROM listings WHERE account_id = ?`).get(q.accountId) as { linked: number; unlinked: number; drift: number };
  return { items, total, linked: c.linked, unlinked: c.unlinked, drift: c.drift };
}

export function pushLog(store: Store, q: { accountId: number; listingId?: number; result?: 'ok' | 'failed' | 'drift'; kind?: 'stock' | 'price'; limit: number; offset: number }): { items: PushLogEntry[]; total: number } {
  const where = ['g.account_id = ?', 'g.kind = ?'];
  const params: unknown[] = [q.accountId, q.kind ?? 'stock'];
  if (q.listingId) { where.push('g.listing_id = ?'); params.push(q.listingId); }
  if (q.result) { where.push('g.result = ?'); params.push(q.result); }
  const w = where.join(' AND ');
  const rows = store.prepare(`SELECT g.*, l.item_id, l.model_id, l.sku FROM listing_push_log g LEFT JOIN listings l ON l.id = g.listing_id WHERE ${w}
    ORDER BY g.at DESC, g.id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as {
    id: number; at: number; listing_id: number | null; item_id: string | null; model_id: string | null; sku: string | null; reason: PushLogEntry['reason'];
    quantity: number | null; available: number | null; shopee_stock: number | null; result: PushLogEntry['result']; error_code: string | null; error: string | null;
    kind: PushLogEntry['kind']; price: number | null;
  }[];
  const total = (store.prepare(`SELECT count(*) AS n FROM listing_push_log g WHERE ${w}`).get(...params) as { n: number }).n;
  return {
    items: rows.map((r) => ({ id: r.id, at: r.at, listingId: r.listing_id, itemId: r.item_id, modelId: r.model_id, sku: r.sku, reason: r.reason, kind: r.kind, price: r.price, quantity: r.quantity,
      available: r.available, shopeeStock: r.shopee_stock, result: r.result, errorCode: r.error_code, error: r.error })),
    total,
  };
}
