// get_order_detail rows: a base set always present, the rest only when named in
// response_optional_fields (spec §1.4: forgetting item_list yields orders without items).

import type { Order, OrderStore, Package } from './order-store.js';

/** [?] Which fields Shopee returns without asking; ship_by_date and days_to_ship are in it here. */
export const BASE_FIELDS = ['order_sn', 'region', 'currency', 'cod', 'order_status', 'create_time', 'update_time', 'days_to_ship', 'ship_by_date', 'message_to_seller'] as const;

export const OPTIONAL_FIELDS = [
  'buyer_user_id', 'buyer_username', 'estimated_shipping_fee', 'recipient_address', 'actual_shipping_fee', 'goods_to_declare', 'note',
  'note_update_time', 'item_list', 'pay_time', 'dropshipper', 'dropshipper_phone', 'split_up', 'buyer_cancel_reason', 'cancel_by',
  'cancel_reason', 'actual_shipping_fee_confirmed', 'buyer_cpf_id', 'fulfillment_flag', 'pickup_done_time', 'package_list',
  'shipping_carrier', 'payment_method', 'total_amount', 'invoice_data', 'checkout_shipping_carrier', 'reverse_shipping_fee',
  'order_chargeable_weight_gram', 'edt', 'prescription_images', 'prescription_check_status',
] as const;

const s = (ms: number | undefined) => (ms === undefined ? 0 : Math.floor(ms / 1000));

export function packageView(o: Order, p: Package): Record<string, unknown> {
  return {
    package_number: p.packageNumber,
    logistics_status: p.status,
    shipping_carrier: p.carrier,
    logistics_channel_id: 50021,
    item_list: p.lines.map((i) => {
      const l = o.lines[i];
      return { item_id: l.itemId, model_id: l.modelId, model_quantity: l.qty, order_item_id: l.orderItemId, promotion_group_id: l.promotionGroupId, product_location_id: 'VNZ' };
    }),
    parcel_chargeable_weight_gram: Math.round(p.lines.reduce((w, i) => w + o.lines[i].weightKg * o.lines[i].qty, 0) * 1000),
  };
}

export function orderDetail(store: OrderStore, o: Order, wanted: ReadonlySet<string>): Record<string, unknown> {
  const all: Record<string, unknown> = {
    order_sn: o.orderSn,
    region: 'VN',
    currency: 'VND',
    cod: o.cod,
    order_status: o.status,
    create_time: s(o.createTime),
    update_time: s(o.updateTime),
    days_to_ship: o.daysToShip,
    ship_by_date: s(store.shipByDate(o)),
    message_to_seller: o.messageToSeller,
    buyer_user_id: o.buyerUserId,
    buyer_username: o.buyerUsername,
    estimated_shipping_fee: o.estimatedShippingFee,
    recipient_address: { ...o.recipient },
    actual_shipping_fee: o.status === 'COMPLETED' ? o.estimatedShippingFee : 0,
    goods_to_declare: false,
    note: '',
    note_update_time: 0,
    item_list: o.lines.map((l) => ({
      item_id: l.itemId,
      item_name: l.itemName,
      item_sku: l.itemSku,
      model_id: l.modelId,
      model_name: l.modelName,
      model_sku: l.modelSku,
      model_quantity_purchased: l.qty,
      model_original_price: l.originalPrice,
      model_discounted_price: l.discountedPrice,
      wholesale: false,
      weight: l.weightKg,
      add_on_deal: false,
      main_item: false,
      add_on_deal_id: 0,
      promotion_type: '',
      promotion_id: 0,
      order_item_id: l.orderItemId,
      promotion_group_id: l.promotionGroupId,
      image_info: { image_url: '' },
      product_location_id: ['VNZ'],
    })),
    pay_time: o.payTime === undefined ? undefined : s(o.payTime),
    dropshipper: '',
    dropshipper_phone: '',
    split_up: o.packages.length > 1,
    buyer_cancel_reason: o.buyerCancelReason ?? '',
    cancel_by: o.cancelBy ?? '',
    cancel_reason: o.cancelReason ?? '',
    actual_shipping_fee_confirmed: o.status === 'COMPLETED',
    buyer_cpf_id: '',
    fulfillment_flag: 'fulfilled_by_local_seller',
    pickup_done_time: s(o.packages.map((p) => p.pickupDoneAt).find((t) => t !== undefined)),
    package_list: o.packages.map((p) => packageView(o, p)),
    shipping_carrier: o.shippingCarrier,
    payment_method: o.paymentMethod,
    total_amount: store.totalAmount(o),
    invoice_data: null,
    checkout_shipping_carrier: o.shippingCarrier,
    reverse_shipping_fee: 0,
    order_chargeable_weight_gram: Math.round(o.lines.reduce((w, l) => w + l.weightKg * l.qty, 0) * 1000),
    edt: s(store.shipByDate(o) + 3 * 86400_000),
    prescription_images: [],
    prescription_check_status: 0,
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(all)) {
    if ((BASE_FIELDS as readonly string[]).includes(k) || wanted.has(k)) out[k] = v;
  }
  return out;
}
