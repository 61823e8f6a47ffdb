// Buyers placing orders as simulated time passes: a steady rate, and a flash-sale mode that sends a
// burst of one-unit orders for a few hot SKUs, spread over every shop that sells them (so shops that
// share one warehouse compete for the same stock). Orders are only placed for models with stock.

import { chance, randomInt, type Random } from '../shared/prng.js';
import type { Catalog, Item, Model } from './catalog.js';
import type { Order, OrderStore, Recipient } from './order-store.js';

export interface FlashSaleOptions {
  /** Orders per simulated minute while the sale runs; default 120. */
  ordersPerMinute?: number;
  /** Hot model SKUs; default: up to 3 SKUs, those sold by the most shops first. */
  skus?: string[];
}

export interface GenerationOptions {
  /** Steady orders per simulated minute over all shops; 0 (default) = none. */
  ordersPerMinute?: number;
  /** Share of cash-on-delivery orders (start READY_TO_SHIP); default 0.6. */
  codRate?: number;
  /** Share of multi-line orders split into two packages; default 0.1. */
  splitRate?: number;
  /** Unpaid orders the buyer never pays (cancelled by the system); default 0.05. */
  unpaidCancelRate?: number;
  /** Orders whose buyer asks to cancel (IN_CANCEL) before shipping; default 0.05. */
  buyerCancelRate?: number;
  /** Delivered orders the buyer returns (TO_RETURN); default 0.03. */
  returnRate?: number;
  flashSale?: FlashSaleOptions | false;
}

const RECIPIENTS: Recipient[] = [
  { name: 'Nguyễn Thị Lan', phone: '84912345678', town: 'Phường Bến Nghé', district: 'Quận 1', city: 'TP. Hồ Chí Minh', state: 'TP. Hồ Chí Minh', region: 'VN', zipcode: '700000', full_address: '12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh' },
  { name: 'Trần Văn Hùng', phone: '84987654321', town: 'Phường Tràng Tiền', district: 'Quận Hoàn Kiếm', city: 'Hà Nội', state: 'Hà Nội', region: 'VN', zipcode: '100000', full_address: '5 Hàng Bài, Phường Tràng Tiền, Quận Hoàn Kiếm, Hà Nội' },
  { name: 'Lê Thu Hà', phone: '84905111222', town: 'Phường Hải Châu 1', district: 'Quận Hải Châu', city: 'Đà Nẵng', state: 'Đà Nẵng', region: 'VN', zipcode: '550000', full_address: '88 Bạch Đằng, Phường Hải Châu 1, Quận Hải Châu, Đà Nẵng' },
  { name: 'Phạm Minh Đức', phone: '84933444555', town: 'Phường An Hội', district: 'Quận Ninh Kiều', city: 'Cần Thơ', state: 'Cần Thơ', region: 'VN', zipcode: '900000', full_address: '21 Hai Bà Trưng, Phường An Hội, Quận Ninh Kiều, Cần Thơ' },
  { name: 'Võ Ngọc Ánh', phone: '84977888999', town: 'Phường Gia Viên', district: 'Quận Ngô Quyền', city: 'Hải Phòng', state: 'Hải Phòng', region: 'VN', zipcode: '180000', full_address: '9 Lạch Tray, Phường Gia Viên, Quận Ngô Quyền, Hải Phòng' },
];
const NOTES = ['', '', '', 'Giao giờ hành chính giúp em', 'Gói kỹ giúp mình nhé', 'Gọi trước khi giao'];

export class OrderGenerator {
  private carry = 0;
  private lastAt: number;
  options: GenerationOptions;

  constructor(
    options: GenerationOptions,
    private readonly catalog: Catalog,
    private readonly store: OrderStore,
    private readonly random: Random,
    now: number,
  ) {
    this.options = { ...options };
    this.lastAt = now;
  }

  set(options: Partial<GenerationOptions>): void {
    this.options = { ...this.options, ...options };
  }

  rate(): number {
    const flash = this.options.flashSale;
    return flash ? (flash.ordersPerMinute ?? 120) : (this.options.ordersPerMinute ?? 0);
  }

  /** Places the orders due since the last call (at most 500 at once, so a big clock jump stays cheap). */
  tick(now: number): Order[] {
    const elapsed = Math.max(0, now - this.lastAt);
    this.lastAt = now;
    const rate = this.rate();
    if (rate <= 0) {
      this.carry = 0;
      return [];
    }
    const due = this.carry + (elapsed / 60_000) * rate;
    const count = Math.min(500, Math.floor(due));
    this.carry = count === 500 ? 0 : due - count;
    const placed: Order[] = [];
    for (let i = 0; i < count; i++) {
      const o = this.options.flashSale ? this.flashOrder() : this.regularOrder();
      if (o) placed.push(o);
    }
    return placed;
  }

  /** Up to 3 SKUs, those listed by the most shops first. */
  hotSkus(): string[] {
    const flash = this.options.flashSale;
    if (flash && flash.skus && flash.skus.length > 0) return flash.skus;
    const shopsBySku = new Map<string, Set<number>>();
    for (const { item, model } of this.catalog.sellable()) {
      if (!model.sku) continue;
      const set = shopsBySku.get(model.sku) ?? new Set<number>();
      set.add(item.shopId);
      shopsBySku.set(model.sku, set);
    }
    return [...shopsBySku.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, 3).map(([sku]) => sku);
  }

  regularOrder(shopId?: number): Order | undefined {
    const shops = this.catalog.shopIds();
    const shop = shopId ?? shops[randomInt(this.random, 0, shops.length - 1)];
    const pool = this.catalog.sellable(shop).filter((c) => c.model.stock > 0);
    if (pool.length === 0) return undefined;
    const lineCount = Math.min(pool.length, chance(this.random, 0.3) ? randomInt(this.random, 2, 3) : 1);
    const picks: { item: Item; model: Model; qty: number }[] = [];
    const left = [...pool];
    for (let i = 0; i < lineCount; i++) {
      const [c] = left.splice(randomInt(this.random, 0, left.length - 1), 1);
      picks.push({ ...c, qty: Math.min(c.model.stock, randomInt(this.random, 1, 2)) });
    }
    return this.place(shop, picks, false);
  }

  flashOrder(): Order | undefined {
    const hot = new Set(this.hotSkus());
    const pool = this.catalog.sellable().filter((c) => hot.has(c.model.sku) && c.model.stock > 0);
    if (pool.length === 0) return undefined;
    const c = pool[randomInt(this.random, 0, pool.length - 1)];
    return this.place(c.item.shopId, [{ ...c, qty: 1 }], true);
  }

  private place(shopId: number, lines: { item: Item; model: Model; qty: number }[], flashSale: boolean): Order | undefined {
    const o = this.options;
    const cod = chance(this.random, o.codRate ?? 0.6);
    const roll = this.random();
    const unpaid = o.unpaidCancelRate ?? 0.05;
    const buyer = o.buyerCancelRate ?? 0.05;
    const ret = o.returnRate ?? 0.03;
    const sidePath = !cod && roll < unpaid ? 'unpaidCancel' : roll < unpaid + buyer ? 'buyerCancel' : roll < unpaid + buyer + ret ? 'return' : undefined;
    const recipient = RECIPIENTS[randomInt(this.random, 0, RECIPIENTS.length - 1)];
    return this.store.create({
      shopId,
      lines,
      cod,
      split: lines.length >= 2 && chance(this.random, o.splitRate ?? 0.1),
      flashSale,
      sidePath,
      recipient,
      buyerUsername: `buyer_${randomInt(this.random, 1000, 99999)}`,
      messageToSeller: NOTES[randomInt(this.random, 0, NOTES.length - 1)],
    });
  }

  reset(now: number): void {
    this.carry = 0;
    this.lastAt = now;
  }
}

export const demoRecipient = (i = 0): Recipient => RECIPIENTS[i % RECIPIENTS.length];
