import type { StoredAddress } from '../../api/common.js';
import type { Store } from '../../store/store.js';
import { nextCounter } from '../shared/settings.js';
import { foldText } from '../shared/text-fold.js';
import { orderAmounts, formatOrderNumber } from './order-amounts.js';
import { orderSearchBody } from './order-search-index.js';
import { needsByVariant } from './reservation-rules.js';

export interface IngestLine { variantId: number; sku: string; name: string; quantity: number; unitPrice: number }

export interface IngestOrder {
  channel: 'manual' | 'shopee' | 'lazada' | 'tiktok' | 'website';
  source?: string;
  externalId?: string | null;
  warehouseId: number;
  customerId?: number | null;
  buyerName: string;
  buyerPhone: string;
  address: StoredAddress;
  paymentMethod: 'cod' | 'prepaid';
  shippingFee: number;
  discount: number;
  note?: string;
  shipBy?: number | null;
  createdAt: number;
  lines: IngestLine[];
}

interface LevelCache { onHand: number; reserved: number; dirty: boolean }

/**
 * The bulk path for many orders at once (marketplace pages, imports, the benchmark): the same rows,
 * reservations and events as one-by-one creation, with statements prepared once and stock levels
 * kept in memory for the batch and written back once per variant. Levels equal the ledger at commit,
 * which is the only moment anyone else can see them. Runs in one transaction; returns the new ids.
 */
export function ingestOrders(store: Store, orders: IngestOrder[], operatorId: number | null): number[] {
  return store.tx(() => {
    const insertOrder = store.prepare(`INSERT INTO orders (number, channel, source, external_id, status, warehouse_id, customer_id, buyer_name,
      buyer_phone, search_name, address_json, payment_method, subtotal, shipping_fee, discount, total, note, ship_by, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertLine = store.prepare('INSERT INTO order_lines (order_id, variant_id, sku, name, quantity, unit_price, reserved_qty) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertMove = store.prepare(`INSERT INTO stock_movements (variant_id, warehouse_id, kind, on_hand_delta, reserved_delta, order_id, reason, operator_id, created_at)
      VALUES (?, ?, 'reserve', 0, ?, ?, '', ?, ?)`);
    const insertEvent = store.prepare("INSERT INTO order_events (order_id, at, operator_id, kind, from_status, to_status, reason, data_json) VALUES (?, ?, ?, 'created', NULL, ?, '', '{}')");
    const insertFts = store.prepare('INSERT INTO orders_fts (rowid, body) VALUES (?, ?)');
    const readLevel = store.prepare('SELECT on_hand AS onHand, reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?');
    const negative = new Map<number, boolean>();
    const levels = new Map<string, LevelCache>();
    const level = (variantId: number, warehouseId: number) => {
      const key = `${variantId}:${warehouseId}`;
      let l = levels.get(key);
      if (!l) {
        const row = readLevel.get(variantId, warehouseId) as { onHand: number; reserved: number } | undefined;
        l = { onHand: row?.onHand ?? 0, reserved: row?.reserved ?? 0, dirty: false };
        levels.set(key, l);
      }
      return l;
    };
    const ids: number[] = [];
    let counter = nextCounter(store, 'order_number') - 1;
    for (const o of orders) {
      if (!negative.has(o.warehouseId)) {
        const w = store.prepare('SELECT allow_negative FROM warehouses WHERE id = ?').get(o.warehouseId) as { allow_negative: number } | undefined;
        negative.set(o.warehouseId, w?.allow_negative === 1);
      }
      const needs = needsByVariant(o.lines);
      const fits = negative.get(o.warehouseId) || [...needs].every(([v, q]) => level(v, o.warehouseId).onHand - level(v, o.warehouseId).reserved >= q);
      const status = fits ? 'ready_to_pack' : 'awaiting_stock';
      const { subtotal, total } = orderAmounts(o.lines, o.shippingFee, o.discount);
      const number = formatOrderNumber(++counter);
      const id = Number(insertOrder.run(number, o.channel, o.source ?? 'other', o.externalId ?? null, status, o.warehouseId, o.customerId ?? null,
        o.buyerName, o.buyerPhone, foldText(o.buyerName), JSON.stringify(o.address), o.paymentMethod, subtotal, o.shippingFee, o.discount, total,
        o.note ?? '', o.shipBy ?? null, operatorId, o.createdAt, o.createdAt).lastInsertRowid);
      for (const l of o.lines) {
        insertLine.run(id, l.variantId, l.sku, l.name, l.quantity, l.unitPrice, fits ? l.quantity : 0);
        if (fits) {
          insertMove.run(l.variantId, o.warehouseId, l.quantity, id, operatorId, o.createdAt);
          const lv = level(l.variantId, o.warehouseId);
          lv.reserved += l.quantity;
          lv.dirty = true;
        }
      }
      insertEvent.run(id, o.createdAt, operatorId, status);
      insertFts.run(id, orderSearchBody(number, o.buyerName, o.buyerPhone, o.lines.map((l) => l.sku)));
      ids.push(id);
    }
    store.prepare("UPDATE counters SET value = ? WHERE name = 'order_number'").run(counter);
    const writeLevel = store.prepare(`INSERT INTO stock_levels (variant_id, warehouse_id, on_hand, reserved, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(variant_id, warehouse_id) DO UPDATE SET reserved = excluded.reserved, updated_at = excluded.updated_at`);
    const at = orders.length ? orders[orders.length - 1].createdAt : 0;
    for (const [key, l] of levels) {
      if (!l.dirty) continue;
      const [variantId, warehouseId] = key.split(':').map(Number);
      writeLevel.run(variantId, warehouseId, l.onHand, l.reserved, at);
    }
    return ids;
  });
}
