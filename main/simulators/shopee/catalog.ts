// Items and their models per shop, with stock per model: seller stock (writable) and the part of it
// reserved for promotions (update_stock may not go below it). An item without variants has exactly one
// model with model_id 0, so stock, prices and orders treat both kinds the same way.

import type { Clock } from '../shared/clock.js';
import { SPX_EXPRESS_ID } from './logistics-channels.js';
import { toId } from './shopee-json.js';

export type ItemStatus = 'NORMAL' | 'BANNED' | 'UNLIST' | 'REVIEWING' | 'SELLER_DELETE' | 'SHOPEE_DELETE';
export const ITEM_STATUSES: readonly ItemStatus[] = ['NORMAL', 'BANNED', 'UNLIST', 'REVIEWING', 'SELLER_DELETE', 'SHOPEE_DELETE'];

export interface Tier {
  name: string;
  options: string[];
  /** An uploaded image per option, where the seller gave one. */
  imageIds?: (string | undefined)[];
}

export interface ModelSeed {
  modelId?: bigint | number | string;
  sku: string;
  /** Indexes into the item's tiers; omit for an item without variants. */
  tierIndex?: number[];
  price: number;
  stock: number;
  reserved?: number;
}

/** A channel the listing ships with (add_item's logistic_info). */
export interface ListingLogistic {
  channelId: number;
  enabled: boolean;
  isFree: boolean;
  shippingFee?: number;
}

/** One value of an attribute; a MULTIPLE_SELECT attribute has one entry per chosen value. */
export interface AttributeValue {
  attributeId: number;
  valueId?: number;
  value?: string;
  unit?: string;
}

export interface ItemSeed {
  itemId?: bigint | number | string;
  name: string;
  sku?: string;
  categoryId?: number;
  status?: ItemStatus;
  weightKg?: number;
  description?: string;
  tiers?: Tier[];
  /** Absent: an item without variants, priced and stocked by `price` / `stock`. */
  models?: ModelSeed[];
  price?: number;
  stock?: number;
  reserved?: number;
  attributes?: AttributeValue[];
  /** Default: SPX Express only. */
  logistics?: ListingLogistic[];
  imageIds?: string[];
  /** cm */
  dimension?: { height: number; width: number; length: number };
}

export interface ShopSeed {
  shopId: number;
  name?: string;
  items?: ItemSeed[];
}

export interface Model {
  modelId: bigint;
  sku: string;
  tierIndex: number[];
  price: number;
  stock: number;
  reserved: number;
  status: 'NORMAL' | 'UNAVAILABLE';
}

export interface Item {
  itemId: bigint;
  shopId: number;
  name: string;
  sku: string;
  categoryId: number;
  status: ItemStatus;
  weightKg: number;
  description: string;
  createTime: number;
  updateTime: number;
  hasModel: boolean;
  tiers: Tier[];
  models: Model[];
  /** While true, update_price is refused (error_cannot_update_price_in_promotion). */
  inPromotion: boolean;
  attributes: AttributeValue[];
  logistics: ListingLogistic[];
  imageIds: string[];
  dimension: { height: number; width: number; length: number };
}

const TWO_53 = 2n ** 53n;

/**
 * Ids like Shopee's int64s: most fit in a double, every other one does not (odd values above 2^53,
 * which a double cannot even represent), so a client that parses with JSON.parse is caught at once.
 */
export class IdMint {
  private n = 0;
  constructor(private readonly smallBase: bigint, private readonly bigBase: bigint = TWO_53 + 1n) {}
  next(): bigint {
    const k = BigInt(this.n++);
    return k % 2n === 0n ? this.smallBase + k * 17n : this.bigBase + k * 2n;
  }
}

const newItemIds = () => new IdMint(23_000_000_000n);
const newModelIds = () => new IdMint(150_000_000_000n, TWO_53 + 10_001n);

export class Catalog {
  private shops = new Map<number, { name: string; items: Item[] }>();
  private itemIds = newItemIds();
  private modelIds = newModelIds();

  constructor(private readonly clock: Clock, seeds: readonly ShopSeed[]) {
    for (const s of seeds) this.addShop(s);
  }

  addShop(seed: ShopSeed): void {
    this.shops.set(seed.shopId, { name: seed.name ?? `Shop ${seed.shopId}`, items: [] });
    for (const i of seed.items ?? []) this.addItem(seed.shopId, i);
  }

  shopIds(): number[] {
    return [...this.shops.keys()];
  }

  hasShop(shopId: number): boolean {
    return this.shops.has(shopId);
  }

  shopName(shopId: number): string {
    return this.shops.get(shopId)?.name ?? '';
  }

  items(shopId: number): Item[] {
    return this.shops.get(shopId)?.items ?? [];
  }

  allItems(): Item[] {
    return [...this.shops.values()].flatMap((s) => s.items);
  }

  item(shopId: number, itemId: bigint): Item | undefined {
    return this.items(shopId).find((i) => i.itemId === itemId);
  }

  model(item: Item, modelId: bigint): Model | undefined {
    return item.models.find((m) => m.modelId === modelId);
  }

  addItem(shopId: number, seed: ItemSeed): Item {
    const shop = this.shops.get(shopId);
    if (!shop) throw new Error(`Shopee simulator: no shop ${shopId}`);
    const now = this.clock();
    const itemId = seed.itemId !== undefined ? toId(seed.itemId) : this.itemIds.next();
    if (itemId === undefined) throw new Error(`Shopee simulator: bad item id ${String(seed.itemId)}`);
    const hasModel = (seed.models?.length ?? 0) > 0;
    const models: Model[] = hasModel
      ? seed.models!.map((m) => ({
          modelId: m.modelId !== undefined ? (toId(m.modelId) ?? 0n) : this.modelIds.next(),
          sku: m.sku,
          tierIndex: m.tierIndex ?? [],
          price: m.price,
          stock: m.stock,
          reserved: m.reserved ?? 0,
          status: 'NORMAL' as const,
        }))
      : [{ modelId: 0n, sku: seed.sku ?? '', tierIndex: [], price: seed.price ?? 0, stock: seed.stock ?? 0, reserved: seed.reserved ?? 0, status: 'NORMAL' }];
    const item: Item = {
      itemId,
      shopId,
      name: seed.name,
      sku: seed.sku ?? '',
      categoryId: seed.categoryId ?? 100351,
      status: seed.status ?? 'NORMAL',
      weightKg: seed.weightKg ?? 0.3,
      description: seed.description ?? seed.name,
      createTime: now,
      updateTime: now,
      hasModel,
      tiers: seed.tiers ?? [],
      models,
      inPromotion: false,
      attributes: seed.attributes ?? [],
      logistics: seed.logistics ?? [{ channelId: SPX_EXPRESS_ID, enabled: true, isFree: false }],
      imageIds: seed.imageIds ?? [],
      dimension: seed.dimension ?? { height: 5, width: 15, length: 20 },
    };
    shop.items.push(item);
    return item;
  }

  /**
   * Gives an item without variants its tiers and models (init_tier_variation): the single model 0
   * goes, new ones get int64 ids (some above 2^53), and the item's own price and stock are now theirs.
   */
  initTiers(item: Item, tiers: Tier[], models: ModelSeed[]): Model[] {
    item.tiers = tiers;
    item.hasModel = true;
    item.models = models.map((m) => ({ modelId: this.modelIds.next(), sku: m.sku, tierIndex: m.tierIndex ?? [], price: m.price, stock: m.stock, reserved: 0, status: 'NORMAL' }));
    this.touch(item);
    return item.models;
  }

  touch(item: Item): void {
    item.updateTime = this.clock();
  }

  /** Takes `qty` from a model's stock; false (and no change) when there is not enough. */
  take(item: Item, model: Model, qty: number): boolean {
    if (model.stock < qty) return false;
    model.stock -= qty;
    this.touch(item);
    return true;
  }

  giveBack(item: Item, model: Model, qty: number): void {
    model.stock += qty;
    this.touch(item);
  }

  /** Model display name from its tier options, e.g. "Trắng,M" (Shopee joins with a comma). */
  modelName(item: Item, model: Model): string {
    return model.tierIndex.map((ix, t) => item.tiers[t]?.options[ix] ?? '').join(',');
  }

  /** Every sellable model with its item, optionally of one shop. */
  sellable(shopId?: number): { item: Item; model: Model }[] {
    const items = shopId === undefined ? this.allItems() : this.items(shopId);
    return items.filter((i) => i.status === 'NORMAL').flatMap((item) => item.models.filter((m) => m.status === 'NORMAL').map((model) => ({ item, model })));
  }

  reset(seeds: readonly ShopSeed[]): void {
    this.shops.clear();
    this.itemIds = newItemIds();
    this.modelIds = newModelIds();
    for (const s of seeds) this.addShop(s);
  }
}
