import type { Store } from '../../store/store.js';
import { moveStock } from '../inventory/stock-ledger.js';
import { formatOrderNumber } from '../orders/order-amounts.js';
import { addEvent, readOrderRow } from '../orders/order-repo.js';
import { orderSearchBody } from '../orders/order-search-index.js';
import type { OrderStatus } from '../orders/order-state-machine.js';
import { needsByVariant } from '../orders/reservation-rules.js';
import { nextCounter } from '../shared/settings.js';
import { foldText } from '../shared/text-fold.js';
import { followMarketplace } from './intake-follow.js';
import type { MappedLine, MappedOrder } from './shopee-order-mapping.js';

// Writes what a pull brought, inside the caller's transaction (the same one that advances the cursor):
// upserts keyed by account + order number and guarded by update_time, reservations whole or nothing,
// an event for every change. An order we already hold follows its marketplace status (intake-follow.ts):
// forward only, our packing gates kept, cancellations that release stock before packing and raise an
// exception after.

export type IntakeChannel = 'shopee' | 'lazada' | 'tiktok';

export interface IntakeTarget {
  accountId: number;
  channel: IntakeChannel;
  warehouseId: number;
}

export interface ApplyCounts {
  /** Orders seen for the first time (imported or waiting for a mapping): the "pulled today" figure. */
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  needsMapping: number;
  cancelled: number;
  exceptions: number;
}

export const emptyCounts = (): ApplyCounts => ({ received: 0, created: 0, updated: 0, unchanged: 0, needsMapping: 0, cancelled: 0, exceptions: 0 });

interface MoRow {
  order_id: number | null;
  state: 'imported' | 'needs_mapping' | 'failed';
  marketplace_status: string;
  hold: string;
  update_time: number;
}

/** The variant of a marketplace line: the listing mapped by hand, else the model SKU, else (no variations) the item SKU. */
export function variantResolver(store: Store, accountId: number) {
  const byListing = store.sqlite.prepare('SELECT variant_id FROM listing_mappings WHERE account_id = ? AND item_id = ? AND model_id = ?').pluck();
  const byCode = store.sqlite.prepare('SELECT variant_id FROM catalog_codes WHERE code = ? AND variant_id IS NOT NULL').pluck();
  const singleVariant = store.sqlite.prepare(`SELECT min(v.id) FROM catalog_codes c JOIN variants v ON v.product_id = c.product_id
    WHERE c.code = ? AND c.kind = 'product_sku' GROUP BY c.product_id HAVING count(*) = 1`).pluck();
  return (l: Pick<MappedLine, 'itemId' | 'modelId' | 'sku' | 'itemSku'>): number | null => {
    const mapped = byListing.get(accountId, l.itemId, l.modelId) as number | undefined;
    if (mapped) return mapped;
    if (l.sku) {
      const v = (byCode.get(l.sku) as number | undefined) ?? (singleVariant.get(l.sku) as number | undefined);
      if (v) return v;
    }
    if (l.modelId === '0' && l.itemSku && l.itemSku !== l.sku) {
      return (byCode.get(l.itemSku) as number | undefined) ?? (singleVariant.get(l.itemSku) as number | undefined) ?? null;
    }
    return null;
  };
}

export class IntakeWriter {
  private readonly readMo;
  private readonly upsertMo;
  private readonly insertMo;
  private readonly deleteUnmapped;
  private readonly insertUnmapped;
  private readonly insertOrder;
  private readonly insertLine;
  private readonly insertEvent;
  private readonly insertFts;
  private readonly readLevel;
  private readonly resolve;
  private readonly allowNegative: boolean;

  constructor(private readonly store: Store, private readonly target: IntakeTarget) {
    this.readMo = store.prepare('SELECT order_id, state, marketplace_status, hold, update_time FROM marketplace_orders WHERE account_id = ? AND external_id = ?');
    this.upsertMo = store.prepare(`INSERT INTO marketplace_orders (account_id, external_id, order_id, state, marketplace_status, package_status, hold,
        blocks_packing, update_time, payload_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (account_id, external_id) DO UPDATE SET order_id = excluded.order_id, state = excluded.state, marketplace_status = excluded.marketplace_status,
        package_status = excluded.package_status, hold = excluded.hold, blocks_packing = excluded.blocks_packing, update_time = excluded.update_time,
        payload_json = excluded.payload_json, updated_at = excluded.updated_at`);
    // A first sight needs no upsert (and its foreign-key work): the row is known to be absent.
    this.insertMo = store.prepare(`INSERT INTO marketplace_orders (account_id, external_id, order_id, state, marketplace_status, package_status, hold,
        blocks_packing, update_time, payload_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.deleteUnmapped = store.prepare('DELETE FROM intake_unmapped_lines WHERE account_id = ? AND external_id = ?');
    this.insertUnmapped = store.prepare(`INSERT INTO intake_unmapped_lines (account_id, external_id, item_id, model_id, sku, name, quantity, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity`);
    this.insertOrder = store.prepare(`INSERT INTO orders (number, channel, source, external_id, status, warehouse_id, customer_id, buyer_name,
      buyer_phone, search_name, address_json, payment_method, subtotal, shipping_fee, discount, total, note, ship_by, created_by, created_at, updated_at)
      VALUES (?, ?, 'other', ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
    this.insertLine = store.prepare('INSERT INTO order_lines (order_id, variant_id, sku, name, quantity, unit_price, reserved_qty) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertEvent = store.prepare("INSERT INTO order_events (order_id, at, operator_id, kind, from_status, to_status, reason, data_json) VALUES (?, ?, NULL, 'created', NULL, ?, ?, ?)");
    this.insertFts = store.prepare('INSERT INTO orders_fts (rowid, body) VALUES (?, ?)');
    this.readLevel = store.sqlite.prepare('SELECT on_hand - reserved FROM stock_levels WHERE variant_id = ? AND warehouse_id = ?').pluck();
    this.resolve = variantResolver(store, target.accountId);
    this.allowNegative = (store.sqlite.prepare('SELECT allow_negative FROM warehouses WHERE id = ?').pluck().get(target.warehouseId) as number | undefined) === 1;
  }

  /** One order from the marketplace. Re-applying the same or an older update changes nothing. */
  apply(o: MappedOrder, at: number, counts: ApplyCounts, opts: { force?: boolean } = {}): void {
    const existing = this.readMo.get(this.target.accountId, o.externalId) as MoRow | undefined;
    if (existing && existing.update_time >= o.updateTime && !opts.force) {
      counts.unchanged++;
      return;
    }
    if (!existing) counts.received++;
    if (!existing || existing.state !== 'imported' || existing.order_id === null) {
      this.create(o, at, counts, existing !== undefined);
      return;
    }
    this.update(existing, o, at, counts);
  }

  private saveMo(o: MappedOrder, orderId: number | null, state: MoRow['state'], at: number, payload = '{}', known = true): void {
    (known ? this.upsertMo : this.insertMo).run(this.target.accountId, o.externalId, orderId, state, o.marketplaceStatus, o.packageStatus, o.status.hold,
      o.status.blocksPacking ? 1 : 0, o.updateTime, payload, at, at);
  }

  /** `known`: a marketplace_orders row exists (its unmapped lines, if any, are replaced). */
  private create(o: MappedOrder, at: number, counts: ApplyCounts, known = true): void {
    const { accountId, warehouseId, channel } = this.target;
    const variants = o.lines.map((l) => this.resolve(l));
    if (known) this.deleteUnmapped.run(accountId, o.externalId);
    if (variants.some((v) => v === null)) {
      this.saveMo(o, null, 'needs_mapping', at, JSON.stringify(o), known);
      o.lines.forEach((l, i) => {
        if (variants[i] === null) this.insertUnmapped.run(accountId, o.externalId, l.itemId, l.modelId, l.sku, l.name, l.quantity, at);
      });
      counts.needsMapping++;
      return;
    }
    const lines = o.lines.map((l, i) => ({ ...l, variantId: variants[i]! }));
    const stage = o.status.stage ?? 'ready_to_pack';
    let status: OrderStatus;
    let reserve = false;
    if (o.status.hold === 'unpaid' || o.status.hold === 'pending') status = 'new';
    // First seen already arranged (PROCESSED / RETRY_SHIP, e.g. in Seller Centre while we were offline): the goods
    // are still on our shelf and nobody verified them, so the order joins the pack queue holding its stock like a
    // READY_TO_SHIP one; created as `packed` it would hold nothing and shipping would never take its stock out.
    else if (stage === 'ready_to_pack' || stage === 'packed') {
      const fits = this.allowNegative || [...needsByVariant(lines)].every(([v, q]) => ((this.readLevel.get(v, warehouseId) as number | undefined) ?? 0) >= q);
      status = fits ? 'ready_to_pack' : 'awaiting_stock';
      reserve = fits;
    } else status = stage === 'new' ? 'new' : stage === 'delivery_failed' ? 'cancelled' : stage;
    const number = formatOrderNumber(nextCounter(this.store, 'order_number'));
    const id = Number(this.insertOrder.run(number, channel, o.externalId, status, warehouseId, o.buyerName, o.buyerPhone, foldText(o.buyerName),
      JSON.stringify(o.address), o.paymentMethod, o.subtotal, o.shippingFee, o.discount, o.total, o.note, o.shipBy, o.createdAt, at).lastInsertRowid);
    for (const l of lines) {
      this.insertLine.run(id, l.variantId, l.sku || l.itemSku || `${l.itemId}/${l.modelId}`, l.name || l.sku, l.quantity, l.unitPrice, reserve ? l.quantity : 0);
      if (reserve) moveStock(this.store, { variantId: l.variantId, warehouseId, kind: 'reserve', onHandDelta: 0, reservedDelta: l.quantity, orderId: id, operatorId: null, at }, { sku: l.sku });
    }
    this.insertEvent.run(id, at, status, `${channel} ${o.marketplaceStatus}`, JSON.stringify({ marketplace: channel, externalId: o.externalId, marketplaceStatus: o.marketplaceStatus, hold: o.status.hold || undefined }));
    this.insertFts.run(id, orderSearchBody(number, o.buyerName, o.buyerPhone, [o.externalId, ...lines.map((l) => l.sku)]));
    this.saveMo(o, id, 'imported', at, '{}', known);
    counts.created++;
  }

  private update(existing: MoRow, o: MappedOrder, at: number, counts: ApplyCounts): void {
    const orderId = existing.order_id!;
    const order = readOrderRow(this.store, orderId);
    if (existing.marketplace_status !== o.marketplaceStatus) {
      addEvent(this.store, { orderId, at, operatorId: null, kind: 'marketplace_status', reason: o.cancelReason, data: { from: existing.marketplace_status, to: o.marketplaceStatus, package: o.packageStatus || undefined } });
    }
    followMarketplace(this.store, { channel: this.target.channel, order, o, previousStatus: existing.marketplace_status, at }, counts);
    this.saveMo(o, orderId, 'imported', at);
    this.store.prepare('UPDATE orders SET updated_at = ?, ship_by = coalesce(?, ship_by) WHERE id = ?').run(at, o.shipBy, orderId);
    counts.updated++;
  }

  /**
   * Orders of this account waiting for a mapping that can now be made whole: created in the same
   * transaction as the mapping. Returns how many were created.
   */
  reprocessWaiting(at: number, counts: ApplyCounts = emptyCounts()): number {
    const rows = this.store.prepare(`SELECT external_id, payload_json FROM marketplace_orders WHERE account_id = ? AND state = 'needs_mapping' ORDER BY update_time, external_id`)
      .all(this.target.accountId) as { external_id: string; payload_json: string }[];
    const before = counts.created;
    for (const r of rows) {
      const o = JSON.parse(r.payload_json) as MappedOrder;
      if (o.lines.some((l) => this.resolve(l) === null)) continue;
      this.create(o, at, counts);
    }
    return counts.created - before;
  }
}

