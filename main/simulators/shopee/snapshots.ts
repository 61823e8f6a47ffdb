// Plain views of the simulator's state for tests and the control API. Ids are decimal strings here
// (the control API is ours, not Shopee's): tests compare them with what the wire carried.

import type { Catalog, Item } from './catalog.js';
import type { Order } from './order-store.js';
import type { OrderStatus } from './statuses.js';

export interface ModelSnapshot {
  model_id: string;
  model_sku: string;
  model_name: string;
  price: number;
  stock: number;
  reserved: number;
}

export interface ItemSnapshot {
  item_id: string;
  shop_id: number;
  item_name: string;
  item_sku: string;
  item_status: string;
  has_model: boolean;
  in_promotion: boolean;
  models: ModelSnapshot[];
}

export interface OrderSnapshot {
  order_sn: string;
  shop_id: number;
  status: OrderStatus;
  create_time: number;
  update_time: number;
  cod: boolean;
  flash_sale: boolean;
  total_amount: number;
  cancel_by: string;
  cancel_reason: string;
  lines: { item_id: string; model_id: string; order_item_id: string; model_sku: string; qty: number; price: number }[];
  packages: {
    package_number: string;
    logistics_status: string;
    lines: number[];
    tracking_number: string;
    /** Whether get_tracking_number shows it yet. */
    tracking_visible: boolean;
    document: 'NONE' | 'PROCESSING' | 'READY';
  }[];
}

export const itemSnapshot = (catalog: Catalog, i: Item): ItemSnapshot => ({
  item_id: i.itemId.toString(),
  shop_id: i.shopId,
  item_name: i.name,
  item_sku: i.sku,
  item_status: i.status,
  has_model: i.hasModel,
  in_promotion: i.inPromotion,
  models: i.models.map((m) => ({ model_id: m.modelId.toString(), model_sku: m.sku, model_name: catalog.modelName(i, m), price: m.price, stock: m.stock, reserved: m.reserved })),
});

export const orderSnapshot = (o: Order, now: number, total: number): OrderSnapshot => ({
  order_sn: o.orderSn,
  shop_id: o.shopId,
  status: o.status,
  create_time: Math.floor(o.createTime / 1000),
  update_time: Math.floor(o.updateTime / 1000),
  cod: o.cod,
  flash_sale: o.flashSale,
  total_amount: total,
  cancel_by: o.cancelBy ?? '',
  cancel_reason: o.cancelReason ?? '',
  lines: o.lines.map((l) => ({ item_id: l.itemId.toString(), model_id: l.modelId.toString(), order_item_id: l.orderItemId.toString(), model_sku: l.modelSku, qty: l.qty, price: l.discountedPrice })),
  packages: o.packages.map((p) => ({
    package_number: p.packageNumber,
    logistics_status: p.status,
    lines: [...p.lines],
    tracking_number: p.trackingNumber ?? '',
    tracking_visible: p.trackingAt !== undefined && p.trackingAt <= now,
    document: !p.document ? 'NONE' : p.document.readyAt <= now ? 'READY' : 'PROCESSING',
  })),
});
