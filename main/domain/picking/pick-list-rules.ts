// Pure rules of a pick list: which orders may join, in what order they are packed, and how their
// lines add up into one walk through the warehouse. No store here, so they are unit-tested alone.

export interface PickOrder {
  id: number;
  number: string;
  status: string;
  warehouseId: number;
  shipBy: number | null;
  createdAt: number;
  /** Code of the open or picked pick list already holding this order, if any. */
  heldBy: string | null;
}

export interface PickSourceLine {
  orderId: number;
  orderNumber: string;
  variantId: number;
  sku: string;
  productName: string;
  attributes: { name: string; value: string }[];
  quantity: number;
  /** The variant's bin in the pick list's warehouse (variant_locations), null when it has none. */
  bin: string | null;
}

export interface PickLine {
  variantId: number;
  sku: string;
  productName: string;
  attributes: { name: string; value: string }[];
  bin: string | null;
  quantity: number;
  /** Which orders need how many, in packing order. */
  orders: { orderId: number; orderNumber: string; quantity: number }[];
}

export type PickRefusal =
  | { reason: 'pick_list_empty' }
  | { reason: 'pick_list_missing'; ids: number[] }
  | { reason: 'pick_list_status'; number: string; status: string }
  | { reason: 'pick_list_warehouse'; numbers: string[] }
  | { reason: 'pick_list_taken'; number: string; code: string };

/**
 * Checks a selection before anything is written. Refused rather than moved when an order is in
 * another open pick list: a picker may already be walking with that paper, and silently taking
 * the order away would have its items picked twice.
 */
export function checkSelection(requested: readonly number[], found: readonly PickOrder[]): PickRefusal | null {
  if (requested.length === 0) return { reason: 'pick_list_empty' };
  const byId = new Map(found.map((o) => [o.id, o]));
  const missing = [...new Set(requested)].filter((id) => !byId.has(id));
  if (missing.length) return { reason: 'pick_list_missing', ids: missing };
  for (const o of found) if (o.status !== 'ready_to_pack') return { reason: 'pick_list_status', number: o.number, status: o.status };
  const warehouses = new Set(found.map((o) => o.warehouseId));
  if (warehouses.size > 1) {
    // Name one order from each warehouse so the operator sees which selection to split.
    const firsts = [...warehouses].map((w) => found.find((o) => o.warehouseId === w)!.number);
    return { reason: 'pick_list_warehouse', numbers: firsts };
  }
  for (const o of found) if (o.heldBy) return { reason: 'pick_list_taken', number: o.number, code: o.heldBy };
  return null;
}

/** Packing order: earliest ship-by deadline first (none last), then the oldest order, as the pack queue does. */
export function packingOrder<T extends Pick<PickOrder, 'id' | 'shipBy' | 'createdAt'>>(orders: readonly T[]): T[] {
  return [...orders].sort(
    (a, b) => (a.shipBy ?? Infinity) - (b.shipBy ?? Infinity) || a.createdAt - b.createdAt || a.id - b.id,
  );
}

// Natural order: "A-2" before "A-10", case ignored, as bins are labelled on shelves.
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
export const compareNatural = (a: string, b: string): number => natural.compare(a, b);

/** Items with a bin by bin (natural order), items without one last, then by SKU. */
export function compareByBin(a: Pick<PickLine, 'bin' | 'sku'>, b: Pick<PickLine, 'bin' | 'sku'>): number {
  if (a.bin !== b.bin) {
    if (a.bin === null) return 1;
    if (b.bin === null) return -1;
    const byBin = compareNatural(a.bin, b.bin);
    if (byBin !== 0) return byBin;
  }
  return compareNatural(a.sku, b.sku) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0);
}

/**
 * Sums quantities per variant (one SKU can appear on several lines of one order, too) and sorts
 * the result for one walk through the bins. `orderRank` gives each order's packing position so
 * the per-order breakdown reads in the order the packer will meet them.
 */
export function aggregateLines(lines: readonly PickSourceLine[], orderRank: ReadonlyMap<number, number>): PickLine[] {
  const byVariant = new Map<number, PickLine>();
  for (const l of lines) {
    let agg = byVariant.get(l.variantId);
    if (!agg) {
      agg = { variantId: l.variantId, sku: l.sku, productName: l.productName, attributes: l.attributes, bin: l.bin, quantity: 0, orders: [] };
      byVariant.set(l.variantId, agg);
    }
    agg.quantity += l.quantity;
    const perOrder = agg.orders.find((o) => o.orderId === l.orderId);
    if (perOrder) perOrder.quantity += l.quantity;
    else agg.orders.push({ orderId: l.orderId, orderNumber: l.orderNumber, quantity: l.quantity });
  }
  const rank = (id: number) => orderRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const result = [...byVariant.values()];
  for (const line of result) line.orders.sort((a, b) => rank(a.orderId) - rank(b.orderId));
  return result.sort(compareByBin);
}

export interface PickTotals { orders: number; skus: number; units: number }

export const pickTotals = (orderCount: number, lines: readonly PickLine[]): PickTotals => ({
  orders: orderCount,
  skus: lines.length,
  units: lines.reduce((s, l) => s + l.quantity, 0),
});

/** "Màu: Đỏ · Size: M" — attributes as one short line for paper and screen. */
export const attributesText = (attrs: readonly { name: string; value: string }[]): string =>
  attrs.map((a) => (a.name ? `${a.name}: ${a.value}` : a.value)).join(' · ');
