import { fail } from '../../api/errors.js';
import type { IntakeStatus, UnmappedListing } from '../../api/intake.js';
import type { Store } from '../../store/store.js';
import { foldText } from '../shared/text-fold.js';
import { IntakeWriter } from './intake-apply.js';
import { intakeRow } from './intake-state.js';
import { catchUpWindows, lagSeconds } from './intake-windows.js';

// What the intake commands read and write: the per-shop status, the "needs mapping" list, and a
// listing mapped once to a variant (which re-processes the orders waiting for it, in the same transaction).

interface AccountRow { id: number; name: string; provider: string }

export function readIntakeAccount(store: Store, accountId: number): AccountRow {
  const row = store.prepare("SELECT id, name, provider FROM connector_accounts WHERE id = ? AND provider IN ('shopee', 'lazada', 'tiktok')").get(accountId) as AccountRow | undefined;
  return row ?? fail('NOT_FOUND', 'Marketplace account not found', { entity: 'account', id: accountId });
}

interface ErrorRow { at: number; code: string; message: string; external_id: string | null; raw: string }
const toError = (e: ErrorRow) => ({ at: e.at, code: e.code, message: e.message, externalId: e.external_id, raw: e.raw });

export function intakeStatusOf(store: Store, accountId: number, now: number, running: boolean): IntakeStatus {
  const acct = readIntakeAccount(store, accountId);
  const existing = store.prepare('SELECT * FROM intake_accounts WHERE account_id = ?').get(accountId);
  // A read-only command cannot create the row: show the defaults it would get.
  const row = existing ? intakeRow(store, accountId, now) : { poll_every_ms: 60_000, warehouse_id: null, watermark: null, last_success_at: null, last_attempt_at: null, last_error_at: null, last_error_code: null, last_error: null, pulled_day: '', pulled_today: 0 };
  const nowS = Math.floor(now / 1000);
  const counts = store.prepare(`SELECT sum(state = 'needs_mapping') AS waiting, sum(state = 'failed') AS failed FROM marketplace_orders WHERE account_id = ?`).get(accountId) as { waiting: number | null; failed: number | null };
  const recent = (store.prepare('SELECT at, code, message, external_id, raw FROM intake_errors WHERE account_id = ? ORDER BY id DESC LIMIT 10').all(accountId) as ErrorRow[]).map(toError);
  const lastError = row.last_error_code
    ? (recent.find((e) => e.code === row.last_error_code) ?? { at: row.last_error_at ?? now, code: row.last_error_code, message: row.last_error ?? '', externalId: null, raw: '' })
    : null;
  const today = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
  return {
    accountId, name: acct.name, provider: acct.provider, pollEveryMs: row.poll_every_ms, warehouseId: row.warehouse_id,
    running,
    syncedUntil: row.watermark === null ? null : row.watermark * 1000,
    lagSeconds: lagSeconds(row.watermark, nowS),
    catchUpSlices: row.watermark === null || nowS - row.watermark <= 15 * 86_400 ? 0 : catchUpWindows(row.watermark, nowS).length,
    lastSuccessAt: row.last_success_at, lastAttemptAt: row.last_attempt_at,
    pulledToday: row.pulled_day === today ? row.pulled_today : 0,
    needsMapping: counts.waiting ?? 0, failedOrders: counts.failed ?? 0,
    lastError, recentErrors: recent,
  };
}

export function updateIntakeSettings(store: Store, accountId: number, s: { pollEveryMs?: number; warehouseId?: number }, now: number): void {
  readIntakeAccount(store, accountId);
  intakeRow(store, accountId, now);
  if (s.warehouseId !== undefined) {
    const w = store.sqlite.prepare('SELECT active FROM warehouses WHERE id = ?').pluck().get(s.warehouseId) as number | undefined;
    if (w === undefined) fail('NOT_FOUND', 'Warehouse not found', { entity: 'warehouse', id: s.warehouseId, field: 'warehouseId' });
    if (w === 0) fail('WAREHOUSE_INACTIVE', 'The warehouse is inactive', { id: s.warehouseId, field: 'warehouseId' });
  }
  store.prepare('UPDATE intake_accounts SET poll_every_ms = coalesce(?, poll_every_ms), warehouse_id = coalesce(?, warehouse_id), updated_at = ? WHERE account_id = ?')
    .run(s.pollEveryMs ?? null, s.warehouseId ?? null, now, accountId);
}

export function unmappedListings(store: Store, f: { accountId?: number; search?: string }): UnmappedListing[] {
  const rows = store.prepare(`SELECT u.account_id, a.name AS account_name, u.item_id, u.model_id, max(u.sku) AS sku, max(u.name) AS name,
      count(DISTINCT u.external_id) AS orders, sum(u.quantity) AS units, min(u.created_at) AS first_seen
    FROM intake_unmapped_lines u JOIN connector_accounts a ON a.id = u.account_id
    WHERE (? IS NULL OR u.account_id = ?)
    GROUP BY u.account_id, u.item_id, u.model_id ORDER BY orders DESC, first_seen LIMIT 1000`)
    .all(f.accountId ?? null, f.accountId ?? null) as { account_id: number; account_name: string; item_id: string; model_id: string; sku: string; name: string; orders: number; units: number; first_seen: number }[];
  const q = f.search ? foldText(f.search).toLowerCase() : '';
  return rows
    .filter((r) => !q || foldText(`${r.sku} ${r.name} ${r.item_id} ${r.model_id}`).toLowerCase().includes(q))
    .map((r) => ({ accountId: r.account_id, accountName: r.account_name, itemId: r.item_id, modelId: r.model_id, sku: r.sku, name: r.name, orders: r.orders, units: r.units, firstSeenAt: r.first_seen }));
}

/** Remembers shop + item + model → variant and creates every waiting order that is now whole. */
export function mapListing(store: Store, m: { accountId: number; itemId: string; modelId: string; variantId: number }, operatorId: number | null, now: number) {
  readIntakeAccount(store, m.accountId);
  const variant = store.sqlite.prepare('SELECT id FROM variants WHERE id = ?').pluck().get(m.variantId);
  if (variant === undefined) fail('NOT_FOUND', 'Variant not found', { entity: 'variant', id: m.variantId, field: 'variantId' });
  store.prepare(`INSERT INTO listing_mappings (account_id, item_id, model_id, variant_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (account_id, item_id, model_id) DO UPDATE SET variant_id = excluded.variant_id, created_by = excluded.created_by, created_at = excluded.created_at`)
    .run(m.accountId, m.itemId, m.modelId, m.variantId, operatorId, now);
  const row = intakeRow(store, m.accountId, now);
  if (row.warehouse_id === null) fail('CONFLICT', 'No active warehouse receives this shop’s orders', { reason: 'no_warehouse' });
  const channel = (readIntakeAccount(store, m.accountId).provider) as 'shopee';
  const created = new IntakeWriter(store, { accountId: m.accountId, channel, warehouseId: row.warehouse_id! }).reprocessWaiting(now);
  const stillWaiting = store.sqlite.prepare("SELECT count(*) FROM marketplace_orders WHERE account_id = ? AND state = 'needs_mapping'").pluck().get(m.accountId) as number;
  return { created, stillWaiting };
}
