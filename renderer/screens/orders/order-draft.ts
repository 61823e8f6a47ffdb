import { ORDER_SOURCES } from '../../../main/api/common.js';
import type { VariantPick } from '../../../main/api/catalog.js';
import type { Order, ordersContract } from '../../../main/api/orders.js';
import { addressToInput, EMPTY_ADDRESS, storedToForm, type AddressForm } from '../../lib/address-form.js';
import { normalizeVnMobile } from '../../lib/phone.js';
import type { z } from 'zod';

type CreateInput = z.input<(typeof ordersContract)['orders.create']['input']>;

// The manual order form's state and its pure rules: totals, adding a variant, and the command
// input. Kept apart from the React code so they are unit-tested.

export type OrderSource = (typeof ORDER_SOURCES)[number];

export interface DraftLine {
  variantId: number;
  sku: string;
  name: string;
  attributes: { name: string; value: string }[];
  /** null while the box is empty. */
  quantity: number | null;
  /** null falls back to the variant's list price. */
  unitPrice: number | null;
  listPrice: number;
  /** Available in the chosen warehouse for this order (own reservation included), if known. */
  available: number | null;
}

export interface DraftCustomer { id: number; name: string; phone: string }

export interface OrderDraft {
  source: OrderSource;
  warehouseId: number | null;
  customer: DraftCustomer | null;
  buyerName: string;
  buyerPhone: string;
  address: AddressForm;
  lines: DraftLine[];
  shippingFee: number | null;
  discount: number | null;
  paymentMethod: 'cod' | 'prepaid';
  note: string;
  confirm: boolean;
}

export const EMPTY_DRAFT: OrderDraft = {
  source: 'phone', warehouseId: null, customer: null, buyerName: '', buyerPhone: '', address: EMPTY_ADDRESS,
  lines: [], shippingFee: 0, discount: 0, paymentMethod: 'cod', note: '', confirm: true,
};

export function linePrice(l: DraftLine): number {
  return l.unitPrice ?? l.listPrice;
}

export function draftTotals(d: OrderDraft): { subtotal: number; total: number; units: number } {
  const subtotal = d.lines.reduce((s, l) => s + (l.quantity ?? 0) * linePrice(l), 0);
  const units = d.lines.reduce((s, l) => s + (l.quantity ?? 0), 0);
  return { subtotal, units, total: subtotal + (d.shippingFee ?? 0) - (d.discount ?? 0) };
}

/** Adds a picked variant; picking one already on the order adds one more of it instead. */
export function addVariant(lines: readonly DraftLine[], v: VariantPick): DraftLine[] {
  const i = lines.findIndex((l) => l.variantId === v.variantId);
  if (i >= 0) return lines.map((l, j) => (j === i ? { ...l, quantity: (l.quantity ?? 0) + 1 } : l));
  return [
    ...lines,
    { variantId: v.variantId, sku: v.sku, name: v.productName, attributes: v.attributes, quantity: 1, unitPrice: v.price, listPrice: v.price, available: v.available },
  ];
}

/** Units of a line beyond what its warehouse has (0 when enough or unknown). */
export function overStock(l: DraftLine): number {
  if (l.available === null || l.quantity === null) return 0;
  return Math.max(0, l.quantity - Math.max(0, l.available));
}

export function draftToInput(d: OrderDraft): CreateInput {
  const buyerPhone = normalizeVnMobile(d.buyerPhone);
  const buyerName = d.customer?.name ?? d.buyerName;
  return {
    source: d.source,
    // Left undefined (not 0) when missing, so validation says "required" rather than "at least 1".
    warehouseId: d.warehouseId as number,
    ...(d.customer ? { customerId: d.customer.id } : { buyer: { name: d.buyerName, phone: buyerPhone } }),
    address: addressToInput({
      ...d.address,
      recipientName: d.address.recipientName.trim() || buyerName,
      phone: normalizeVnMobile(d.address.phone) || (d.customer?.phone ?? buyerPhone),
    }),
    lines: d.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity as number, ...(l.unitPrice !== null ? { unitPrice: l.unitPrice } : {}) })),
    shippingFee: d.shippingFee ?? 0,
    discount: d.discount ?? 0,
    paymentMethod: d.paymentMethod,
    note: d.note,
    confirm: d.confirm,
  };
}

export function orderToDraft(o: Order): OrderDraft {
  const source = (ORDER_SOURCES as readonly string[]).includes(o.source) ? (o.source as OrderSource) : 'other';
  return {
    source,
    warehouseId: o.warehouseId,
    customer: o.customerId ? { id: o.customerId, name: o.buyerName, phone: o.buyerPhone } : null,
    buyerName: o.buyerName,
    buyerPhone: o.buyerPhone,
    address: storedToForm(o.address),
    lines: o.lines.map((l) => ({
      variantId: l.variantId, sku: l.sku, name: l.name, attributes: l.attributes, quantity: l.quantity,
      unitPrice: l.unitPrice, listPrice: l.unitPrice, available: l.stock.available + l.reservedQty,
    })),
    shippingFee: o.shippingFee,
    discount: o.discount,
    paymentMethod: o.paymentMethod,
    note: o.note,
    confirm: false,
  };
}
