// Orders with their lines and packages. Creating an order takes stock from the models (no stock, no
// order: the marketplace never sells what it does not have); cancelling before pickup gives it back.
// A split order has several packages, each with its own logistics status (spec §1.5).

import type { Clock } from '../shared/clock.js';
import { randomInt, randomString, UPPER_ALNUM, type Random } from '../shared/prng.js';
import type { Catalog, Item, Model } from './catalog.js';
import { IdMint } from './catalog.js';
import { BEFORE_PICKUP, packageStatusFor, type LogisticsStatus, type OrderStatus } from './statuses.js';

export interface OrderLine {
  orderItemId: bigint;
  itemId: bigint;
  modelId: bigint;
  itemName: string;
  itemSku: string;
  modelName: string;
  modelSku: string;
  qty: number;
  originalPrice: number;
  discountedPrice: number;
  weightKg: number;
  promotionGroupId: bigint;
}

export interface ShippingDocument {
  type: string;
  readyAt: number;
}

export interface Package {
  packageNumber: string;
  /** Indexes into the order's lines. */
  lines: number[];
  status: LogisticsStatus;
  carrier: string;
  arrangedAt?: number;
  method?: 'pickup' | 'dropoff' | 'non_integrated';
  trackingNumber?: string;
  /** When the carrier's number becomes visible through get_tracking_number. */
  trackingAt?: number;
  pickupDoneAt?: number;
  document?: ShippingDocument;
}

export interface Recipient {
  name: string;
  phone: string;
  town: string;
  district: string;
  city: string;
  state: string;
  region: string;
  zipcode: string;
  full_address: string;
}

export interface Order {
  orderSn: string;
  shopId: number;
  status: OrderStatus;
  createTime: number;
  updateTime: number;
  payTime?: number;
  cod: boolean;
  paymentMethod: string;
  buyerUserId: bigint;
  buyerUsername: string;
  recipient: Recipient;
  messageToSeller: string;
  lines: OrderLine[];
  packages: Package[];
  daysToShip: number;
  shippingCarrier: string;
  estimatedShippingFee: number;
  cancelBy?: string;
  cancelReason?: string;
  buyerCancelReason?: string;
  /** Time of the last status change (the ticker's reference). */
  lastChangeAt: number;
  /** Where the ticker takes it next instead of the happy path (set at creation by the side-path rates). */
  sidePath?: 'unpaidCancel' | 'buyerCancel' | 'return';
  flashSale: boolean;
  /** The status an IN_CANCEL order returns to when the seller rejects the request. */
  beforeCancel?: OrderStatus;
}

export interface LineRequest {
  item: Item;
  model: Model;
  qty: number;
}

export interface NewOrder {
  shopId: number;
  lines: LineRequest[];
  cod: boolean;
  /** Two or more packages (needs at least two lines). */
  split?: boolean;
  /** Take stock even when there is not enough (default false: refuse). */
  ignoreStock?: boolean;
  flashSale?: boolean;
  sidePath?: Order['sidePath'];
  recipient: Recipient;
  buyerUsername: string;
  messageToSeller?: string;
}

export const CARRIER = 'SPX Express';
const PROMOTION_GROUP_BASE = 1051400341536827267n;

export class OrderStore {
  private orders = new Map<string, Order>();
  private orderItemIds = new IdMint(1_000_000_000n);
  private buyerIds = new IdMint(300_000_000n);
  private splitGroups = 0n;

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly catalog: Catalog,
  ) {}

  list(shopId?: number): Order[] {
    const all = [...this.orders.values()];
    return shopId === undefined ? all : all.filter((o) => o.shopId === shopId);
  }

  get(orderSn: string): Order | undefined {
    return this.orders.get(orderSn);
  }

  /** Undefined when a line has not enough stock (nothing is taken then). */
  create(req: NewOrder): Order | undefined {
    if (!req.ignoreStock) {
      const need = new Map<Model, number>();
      for (const l of req.lines) need.set(l.model, (need.get(l.model) ?? 0) + l.qty);
      for (const [m, qty] of need) if (m.stock < qty) return undefined;
    }
    for (const l of req.lines) {
      if (!this.catalog.take(l.item, l.model, l.qty)) {
        l.model.stock -= l.qty; // ignoreStock: the marketplace oversold
        this.catalog.touch(l.item);
      }
    }
    const now = this.clock();
    // Above 2^53 like the official split-order example (1051400341536827267).
    const groupId = req.split ? PROMOTION_GROUP_BASE + this.splitGroups++ * 2n : 0n;
    const lines: OrderLine[] = req.lines.map((l) => ({
      orderItemId: this.orderItemIds.next(),
      itemId: l.item.itemId,
      modelId: l.model.modelId,
      itemName: l.item.name,
      itemSku: l.item.sku,
      modelName: this.catalog.modelName(l.item, l.model),
      modelSku: l.model.sku,
      qty: l.qty,
      originalPrice: l.model.price,
      discountedPrice: l.model.price,
      weightKg: l.item.weightKg,
      promotionGroupId: groupId,
    }));
    const orderSn = this.newOrderSn(now);
    const split = req.split && lines.length >= 2;
    const groups = split ? [lines.map((_, i) => i).filter((i) => i % 2 === 0), lines.map((_, i) => i).filter((i) => i % 2 === 1)] : [lines.map((_, i) => i)];
    const initial: OrderStatus = req.cod ? 'READY_TO_SHIP' : 'UNPAID';
    const order: Order = {
      orderSn,
      shopId: req.shopId,
      status: initial,
      createTime: now,
      updateTime: now,
      cod: req.cod,
      paymentMethod: req.cod ? 'Cash on Delivery' : 'ShopeePay',
      buyerUserId: this.buyerIds.next(),
      buyerUsername: req.buyerUsername,
      recipient: req.recipient,
      messageToSeller: req.messageToSeller ?? '',
      lines,
      packages: groups.map((g, i) => ({
        packageNumber: `OFG${String(now).slice(-9)}${randomInt(this.random, 100000, 999999)}${i}`,
        lines: g,
        status: packageStatusFor(initial, 'LOGISTICS_NOT_START'),
        carrier: CARRIER,
      })),
      daysToShip: 2,
      shippingCarrier: CARRIER,
      estimatedShippingFee: 16500,
      lastChangeAt: now,
      sidePath: req.sidePath,
      flashSale: req.flashSale ?? false,
    };
    this.orders.set(orderSn, order);
    return order;
  }

  totalAmount(o: Order): number {
    return o.lines.reduce((sum, l) => sum + l.discountedPrice * l.qty, 0) + o.estimatedShippingFee;
  }

  shipByDate(o: Order): number {
    return o.createTime + o.daysToShip * 86400_000;
  }

  /** Moves the whole order (and its packages) to `status`; stock goes back on a cancel before pickup. */
  setStatus(o: Order, status: OrderStatus, why?: { cancelBy?: string; cancelReason?: string; packageStatus?: LogisticsStatus }): void {
    const now = this.clock();
    if (status === 'IN_CANCEL' && o.status !== 'IN_CANCEL') o.beforeCancel = o.status;
    if (status === 'CANCELLED' && BEFORE_PICKUP.has(o.status)) this.restock(o);
    if (status === 'READY_TO_SHIP' && !o.cod && o.payTime === undefined) o.payTime = now;
    if (status === 'CANCELLED') {
      o.cancelBy = why?.cancelBy ?? o.cancelBy ?? 'system';
      o.cancelReason = why?.cancelReason ?? o.cancelReason ?? '';
    }
    for (const p of o.packages) {
      p.status = why?.packageStatus ?? packageStatusFor(status, p.status);
      if (status === 'SHIPPED') p.pickupDoneAt ??= now;
    }
    o.status = status;
    o.updateTime = now;
    o.lastChangeAt = now;
  }

  /** After a package changed alone (ship_order, pickup): the order follows once every package did. */
  settleFromPackages(o: Order): void {
    const all = (s: LogisticsStatus[]) => o.packages.every((p) => s.includes(p.status));
    if (o.status === 'READY_TO_SHIP' && all(['LOGISTICS_REQUEST_CREATED'])) this.setStatus(o, 'PROCESSED');
    else if ((o.status === 'PROCESSED' || o.status === 'RETRY_SHIP') && all(['LOGISTICS_PICKUP_DONE'])) this.setStatus(o, 'SHIPPED');
  }

  newTrackingNumber(): string {
    return `SPXVN0${randomString(this.random, '0123456789', 11)}`;
  }

  reset(): void {
    this.orders.clear();
    this.orderItemIds = new IdMint(1_000_000_000n);
    this.buyerIds = new IdMint(300_000_000n);
    this.splitGroups = 0n;
  }

  private restock(o: Order): void {
    for (const l of o.lines) {
      const item = this.catalog.item(o.shopId, l.itemId);
      const model = item && this.catalog.model(item, l.modelId);
      if (item && model) this.catalog.giveBack(item, model, l.qty);
    }
  }

  /** YYMMDD (Vietnam date) + 8 letters/digits, like Shopee's order_sn. */
  private newOrderSn(now: number): string {
    const d = new Date(now + 7 * 3600_000);
    const ymd = `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
    for (;;) {
      const sn = `${ymd}${randomString(this.random, UPPER_ALNUM, 8)}`;
      if (!this.orders.has(sn)) return sn;
    }
  }
}
