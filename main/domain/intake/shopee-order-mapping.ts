import type { StoredAddress } from '../../api/common.js';
import type { ShopeeOrderDetail } from '../../connectors/marketplaces/shopee/shopee-schemas.js';
import { toStoredAddress } from '../shared/address.js';
import { toLocalPhone } from '../shared/phone.js';

// Pure mapping of a Shopee order (get_order_detail with the optional fields) to what intake stores
// (spec §1.5 statuses, §1.7 money/time/ids). No store, no clock: every case is unit-tested.

/** Internal lifecycle stage an order is created in (DESIGN.md §4); `ready_to_pack` becomes awaiting_stock when stock is short. */
export type IntakeStage = 'new' | 'ready_to_pack' | 'packed' | 'shipped' | 'delivered' | 'completed' | 'cancelled' | 'delivery_failed' | 'returning';
/** Why an order is held: unpaid / pending (not reserved, not packable), in_cancel (packing blocked). */
export type IntakeHold = '' | 'unpaid' | 'pending' | 'in_cancel';

export interface StatusMapping {
  /** null: keep the order where it is (IN_CANCEL keeps its stage but blocks packing). */
  stage: IntakeStage | null;
  hold: IntakeHold;
  blocksPacking: boolean;
  /** RETRY_SHIP: packed, but the pickup failed and the shipment must be arranged again. */
  rearrange?: boolean;
}

/** §1.5, one row per Shopee `order_status`. */
export const SHOPEE_ORDER_STATUSES: Record<string, StatusMapping> = {
  UNPAID: { stage: 'new', hold: 'unpaid', blocksPacking: true },
  PENDING: { stage: 'new', hold: 'pending', blocksPacking: true },
  INVOICE_PENDING: { stage: 'new', hold: 'pending', blocksPacking: true },
  READY_TO_SHIP: { stage: 'ready_to_pack', hold: '', blocksPacking: false },
  PROCESSED: { stage: 'packed', hold: '', blocksPacking: false },
  RETRY_SHIP: { stage: 'packed', hold: '', blocksPacking: false, rearrange: true },
  SHIPPED: { stage: 'shipped', hold: '', blocksPacking: false },
  TO_CONFIRM_RECEIVE: { stage: 'delivered', hold: '', blocksPacking: false },
  COMPLETED: { stage: 'completed', hold: '', blocksPacking: false },
  IN_CANCEL: { stage: null, hold: 'in_cancel', blocksPacking: true },
  CANCELLED: { stage: 'cancelled', hold: '', blocksPacking: true },
  TO_RETURN: { stage: 'returning', hold: '', blocksPacking: true },
};

/** Package logistics statuses that turn a CANCELLED order into a failed delivery (§1.5). */
export const FAILED_DELIVERY_PACKAGE = new Set(['LOGISTICS_DELIVERY_FAILED', 'LOGISTICS_PICKUP_FAILED', 'LOGISTICS_LOST']);

/** Stage of one package by its logistics status (split orders, §1.5); null when it says nothing about the stage. */
export const PACKAGE_STAGE: Record<string, IntakeStage | null> = {
  LOGISTICS_NOT_START: 'ready_to_pack',
  LOGISTICS_PENDING_ARRANGE: 'ready_to_pack',
  LOGISTICS_READY: 'ready_to_pack',
  LOGISTICS_REQUEST_CREATED: 'packed',
  LOGISTICS_PICKUP_RETRY: 'packed',
  LOGISTICS_PICKUP_DONE: 'shipped',
  LOGISTICS_DELIVERY_DONE: 'delivered',
  LOGISTICS_INVALID: null,
  LOGISTICS_REQUEST_CANCELED: null,
  LOGISTICS_PICKUP_FAILED: null,
  LOGISTICS_DELIVERY_FAILED: null,
  LOGISTICS_LOST: null,
  LOGISTICS_COD_REJECTED: null,
};

const ORDER: IntakeStage[] = ['new', 'ready_to_pack', 'packed', 'shipped', 'delivered', 'completed'];

/**
 * The status of an order from its order status and its packages' statuses. A split order is only as far
 * as its least advanced package (one parcel picked up does not make the order shipped). Null for a status
 * this table does not know: the caller records it as a sync error and writes nothing.
 */
export function mapShopeeStatus(orderStatus: string, packageStatuses: readonly string[] = []): StatusMapping | null {
  const base = SHOPEE_ORDER_STATUSES[orderStatus];
  if (!base) return null;
  if (orderStatus === 'CANCELLED' && packageStatuses.some((p) => FAILED_DELIVERY_PACKAGE.has(p))) return { ...base, stage: 'delivery_failed' };
  if (packageStatuses.length > 1 && base.stage && ['ready_to_pack', 'packed', 'shipped'].includes(base.stage)) {
    const stages = packageStatuses.map((p) => PACKAGE_STAGE[p]).filter((s): s is IntakeStage => !!s);
    if (stages.length) {
      const least = stages.reduce((a, b) => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b));
      if (ORDER.indexOf(least) < ORDER.indexOf(base.stage)) return { ...base, stage: least };
    }
  }
  return base;
}

export interface MappedLine {
  itemId: string;
  modelId: string;
  /** model_sku, else item_sku (a listing without variations). */
  sku: string;
  itemSku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

export interface MappedOrder {
  externalId: string;
  /** Shopee's update_time, seconds. */
  updateTime: number;
  createdAt: number;
  marketplaceStatus: string;
  packageStatus: string;
  status: StatusMapping;
  buyerName: string;
  buyerUsername: string;
  buyerPhone: string;
  address: StoredAddress;
  paymentMethod: 'cod' | 'prepaid';
  subtotal: number;
  shippingFee: number;
  discount: number;
  total: number;
  shipBy: number | null;
  note: string;
  cancelReason: string;
  lines: MappedLine[];
}

export type MapFailure = { ok: false; code: 'STATUS_UNKNOWN' | 'ITEMS_MISSING' | 'AMOUNT_INVALID'; message: string };
export type MapResult = { ok: true; order: MappedOrder } | MapFailure;

/** VND amounts are whole đồng (§1.7); a stray fraction is rounded, a negative or non-finite value refused. */
export function dong(value: number | undefined | null): number | null {
  if (value === undefined || value === null) return 0;
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value);
}

type ShopeeAddress = NonNullable<ShopeeOrderDetail['recipient_address']>;

/**
 * Shopee's recipient address (name, phone, state, city, district, town, full_address) kept in both VN
 * forms: the province is `state`; below it, two levels (district → ward) are the old three-level form and
 * one level is the 2025 two-level form (province → ward). The raw text is Shopee's full_address, unchanged.
 * Shopee writes phones as 84…; carriers and the order list want the local 0… form (a masked phone stays as it is).
 */
export function mapShopeeAddress(a: ShopeeAddress | undefined): StoredAddress {
  if (!a) return toStoredAddress({ recipientName: '', phone: '', street: '', provinceName: '', wardName: '' });
  const province = (a.state || '').trim() || (a.city || '').trim();
  const below = (a.state?.trim() ? [a.city, a.district, a.town] : [a.district, a.town]).map((s) => (s ?? '').trim())
    // Some answers repeat the province in `city` (spec §1 does not say which field holds which level): a level equal to the province is not a level.
    .filter((s, i, all) => !!s && s.toLowerCase() !== province.toLowerCase() && all.indexOf(s) === i);
  const full = a.full_address.trim();
  const ward = below.length ? below[below.length - 1] : '';
  const street = streetOf(full, [ward, ...below, province]);
  if (below.length >= 2) {
    return toStoredAddress({
      recipientName: a.name.trim(), phone: toLocalPhone(a.phone.trim()), street, rawText: full || undefined,
      legacy: { provinceName: province, districtName: below[0], wardName: ward },
    });
  }
  return toStoredAddress({ recipientName: a.name.trim(), phone: toLocalPhone(a.phone.trim()), street, provinceName: province, wardName: ward, rawText: full || undefined });
}

/** The street part of a full address: what comes before the first administrative name it contains. */
function streetOf(full: string, names: string[]): string {
  let cut = full.length;
  for (const n of names) {
    if (!n) continue;
    const i = full.toLowerCase().indexOf(n.toLowerCase());
    if (i > 0 && i < cut) cut = i;
  }
  return full.slice(0, cut).replace(/[\s,]+$/, '').trim() || (cut === full.length ? full : '');
}

const COD_METHOD = /\bcod\b|cash on delivery|thanh toán khi nhận hàng/i;

export function paymentOf(d: Pick<ShopeeOrderDetail, 'cod' | 'payment_method'>): 'cod' | 'prepaid' {
  if (d.cod === true) return 'cod';
  if (d.cod === false) return 'prepaid';
  return COD_METHOD.test(d.payment_method ?? '') ? 'cod' : 'prepaid';
}

/** Detail → the order intake stores, or why it cannot be used (nothing of it is written then). */
export function mapShopeeOrder(d: ShopeeOrderDetail): MapResult {
  const packages = d.package_list ?? [];
  const packageStatuses = packages.map((p) => p.logistics_status ?? '').filter(Boolean);
  const status = mapShopeeStatus(d.order_status, packageStatuses);
  if (!status) return { ok: false, code: 'STATUS_UNKNOWN', message: `Unknown Shopee order status ${JSON.stringify(d.order_status)} on ${d.order_sn}` };
  const items = d.item_list;
  if (!items || items.length === 0) return { ok: false, code: 'ITEMS_MISSING', message: `Shopee order ${d.order_sn} came without items (item_list)` };
  const lines: MappedLine[] = [];
  for (const it of items) {
    const price = dong(it.model_discounted_price ?? it.model_original_price);
    if (price === null) return { ok: false, code: 'AMOUNT_INVALID', message: `Item ${it.item_id}/${it.model_id} of ${d.order_sn} has price ${it.model_discounted_price ?? it.model_original_price}` };
    if (!(it.model_quantity_purchased > 0)) return { ok: false, code: 'ITEMS_MISSING', message: `Item ${it.item_id}/${it.model_id} of ${d.order_sn} has quantity ${it.model_quantity_purchased}` };
    const name = [it.item_name, it.model_name].filter(Boolean).join(' — ') || it.model_sku || it.item_sku;
    lines.push({
      itemId: it.item_id, modelId: it.model_id, sku: (it.model_sku || it.item_sku).trim(), itemSku: it.item_sku.trim(),
      name: name.slice(0, 250), quantity: it.model_quantity_purchased, unitPrice: price,
    });
  }
  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPrice, 0);
  const total = dong(d.total_amount ?? subtotal);
  let shippingFee = dong(d.estimated_shipping_fee ?? 0);
  if (total === null || shippingFee === null) return { ok: false, code: 'AMOUNT_INVALID', message: `Shopee order ${d.order_sn} has amount ${d.total_amount}/${d.estimated_shipping_fee}` };
  // The buyer pays total_amount (COD collects it): shipping and vouchers make up the rest, so the
  // order's total is exactly Shopee's.
  let discount = subtotal + shippingFee - total;
  if (discount < 0) {
    shippingFee -= discount;
    discount = 0;
  }
  const address = mapShopeeAddress(d.recipient_address);
  return {
    ok: true,
    order: {
      externalId: d.order_sn,
      updateTime: d.update_time,
      createdAt: d.create_time * 1000,
      marketplaceStatus: d.order_status,
      packageStatus: packageStatuses.join(','),
      status,
      buyerName: (address.recipientName || d.buyer_username || d.order_sn).slice(0, 120),
      buyerUsername: d.buyer_username ?? '',
      buyerPhone: address.phone.slice(0, 30),
      address,
      paymentMethod: paymentOf(d),
      subtotal,
      shippingFee,
      discount,
      total,
      shipBy: d.ship_by_date ? d.ship_by_date * 1000 : null,
      note: (d.message_to_seller ?? '').slice(0, 1000),
      cancelReason: d.cancel_reason || d.buyer_cancel_reason || '',
      lines,
    },
  };
}
