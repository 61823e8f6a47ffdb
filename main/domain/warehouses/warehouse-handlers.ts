import type { warehousesContract, Warehouse } from '../../api/warehouses.js';
import { fail } from '../../api/errors.js';
import type { HandlersFor } from '../../core/context.js';
import type { Store } from '../../store/store.js';
import { checkPhone } from '../shared/phone.js';
import { toStoredAddress } from '../shared/address.js';
import type { AddressInput, StoredAddress } from '../../api/common.js';

interface WarehouseRow {
  id: number; code: string; name: string; address: string; address_json: string; contact_name: string; contact_phone: string;
  type: Warehouse['type']; active: number; allow_negative: number; created_at: number; bin_count: number;
}

const toWarehouse = (r: WarehouseRow): Warehouse => ({
  id: r.id, code: r.code, name: r.name, address: r.address, contactName: r.contact_name, contactPhone: r.contact_phone,
  type: r.type, active: r.active === 1, allowNegative: r.allow_negative === 1, binCount: r.bin_count, createdAt: r.created_at,
  senderAddress: r.address_json && r.address_json !== '{}' ? (JSON.parse(r.address_json) as StoredAddress) : null,
});

/** The sender address as stored, and its one-line text for lists (the free text wins when given). */
function senderFields(input: { address?: string; senderAddress?: AddressInput }, current?: Warehouse) {
  const stored = input.senderAddress ? toStoredAddress(input.senderAddress) : current?.senderAddress ?? null;
  const text = input.address?.trim() || stored?.rawText || current?.address || '';
  return { json: stored ? JSON.stringify(stored) : '{}', text };
}

const SELECT = 'SELECT w.*, (SELECT count(*) FROM bins b WHERE b.warehouse_id = w.id) AS bin_count FROM warehouses w';

export function getWarehouse(store: Store, id: number): Warehouse {
  const row = store.prepare(`${SELECT} WHERE w.id = ?`).get(id) as WarehouseRow | undefined;
  return row ? toWarehouse(row) : fail('NOT_FOUND', 'Warehouse not found', { entity: 'warehouse', id });
}

/** Warehouses that take new orders and stock must be active. */
export function requireActiveWarehouse(store: Store, id: number): Warehouse {
  const w = getWarehouse(store, id);
  if (!w.active) fail('WAREHOUSE_INACTIVE', `Warehouse ${w.code} is not active`, { code: w.code });
  return w;
}

function normalisePhone(phone: string | undefined): string | undefined {
  if (phone === undefined || phone === '') return phone;
  const check = checkPhone(phone);
  return check.ok ? check.phone : fail('PHONE_INVALID', 'Not a Vietnamese phone number', { field: 'contactPhone', value: phone });
}

function assertCodeFree(store: Store, code: string, exceptId: number | null): void {
  const row = store.prepare('SELECT id FROM warehouses WHERE code = ? COLLATE NOCASE').get(code) as { id: number } | undefined;
  if (row && row.id !== exceptId) fail('CODE_TAKEN', `Warehouse code ${code} is already used`, { field: 'code', value: code });
}

/**
 * Negative stock can be switched off only once no level is below zero: a warehouse that does not
 * allow it could otherwise never take a receipt that leaves the level still negative.
 */
function assertNothingNegative(store: Store, w: Warehouse): void {
  const n = (store.prepare('SELECT count(*) AS n FROM stock_levels WHERE warehouse_id = ? AND on_hand < 0').get(w.id) as { n: number }).n;
  if (n > 0) fail('CONFLICT', `${n} products of ${w.code} are below zero; count them before switching negative stock off`, { reason: 'negative_stock', count: n, field: 'allowNegative' });
}

export const warehouseHandlers: HandlersFor<typeof warehousesContract> = {
  'warehouses.list': (ctx, { includeInactive }) =>
    (ctx.store.prepare(`${SELECT} ${includeInactive ? '' : 'WHERE w.active = 1'} ORDER BY w.type = 'main' DESC, w.code`).all() as WarehouseRow[]).map(toWarehouse),

  'warehouses.get': (ctx, { id }) => getWarehouse(ctx.store, id),

  'warehouses.create': (ctx, input) => {
    assertCodeFree(ctx.store, input.code, null);
    const now = ctx.now();
    const sender = senderFields(input);
    const r = ctx.store
      .prepare(`INSERT INTO warehouses (code, name, address, address_json, contact_name, contact_phone, type, active, allow_negative, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.code.toUpperCase(), input.name, sender.text, sender.json, input.contactName, normalisePhone(input.contactPhone) ?? '', input.type, Number(input.active), Number(input.allowNegative), now, now);
    ctx.emit('warehouses.changed');
    return getWarehouse(ctx.store, Number(r.lastInsertRowid));
  },

  'warehouses.update': (ctx, input) => {
    const w = getWarehouse(ctx.store, input.id);
    if (input.code !== undefined) assertCodeFree(ctx.store, input.code, w.id);
    if (input.allowNegative === false && w.allowNegative) assertNothingNegative(ctx.store, w);
    const { senderAddress: _given, ...plain } = input;
    const next = { ...w, ...Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)) } as Warehouse;
    const sender = senderFields(input, w);
    ctx.store
      .prepare(`UPDATE warehouses SET code = ?, name = ?, address = ?, address_json = ?, contact_name = ?, contact_phone = ?, type = ?, active = ?,
                allow_negative = ?, updated_at = ? WHERE id = ?`)
      .run(next.code.toUpperCase(), next.name, sender.text, sender.json, next.contactName, normalisePhone(input.contactPhone) ?? w.contactPhone,
        next.type, Number(next.active), Number(next.allowNegative), ctx.now(), w.id);
    // A moved sender must be matched to the carriers' places again before the next booking.
    if (input.senderAddress) ctx.store.prepare("DELETE FROM carrier_addresses WHERE owner_type = 'warehouse' AND owner_id = ?").run(w.id);
    ctx.emit('warehouses.changed');
    return getWarehouse(ctx.store, w.id);
  },

  'warehouses.bins': (ctx, { warehouseId }) => {
    getWarehouse(ctx.store, warehouseId);
    return (ctx.store
      .prepare(`SELECT b.code, (SELECT count(*) FROM variant_locations l WHERE l.warehouse_id = b.warehouse_id AND l.bin_code = b.code) AS variantCount
                FROM bins b WHERE b.warehouse_id = ? ORDER BY b.code`)
      .all(warehouseId) as { code: string; variantCount: number }[]);
  },

  'warehouses.addBin': (ctx, { warehouseId, code }) => {
    getWarehouse(ctx.store, warehouseId);
    const r = ctx.store.prepare('INSERT OR IGNORE INTO bins (warehouse_id, code) VALUES (?, ?)').run(warehouseId, code.toUpperCase());
    if (r.changes === 0) fail('CODE_TAKEN', `Bin ${code} already exists`, { field: 'code', value: code });
    ctx.emit('warehouses.changed');
    return { ok: true as const };
  },

  'warehouses.removeBin': (ctx, { warehouseId, code }) => {
    const used = ctx.store.prepare('SELECT count(*) AS n FROM variant_locations WHERE warehouse_id = ? AND bin_code = ?').get(warehouseId, code) as { n: number };
    if (used.n > 0) fail('CONFLICT', `Bin ${code} still holds ${used.n} products`, { reason: 'bin_in_use', count: used.n });
    const r = ctx.store.prepare('DELETE FROM bins WHERE warehouse_id = ? AND code = ?').run(warehouseId, code);
    if (r.changes === 0) fail('NOT_FOUND', `Bin ${code} not found`, { entity: 'bin', code });
    ctx.emit('warehouses.changed');
    return { ok: true as const };
  },
};
