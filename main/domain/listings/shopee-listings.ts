import { getItemBaseInfo, getItemList, getModelList } from '../../connectors/marketplaces/shopee/shopee-products.js';
import type { ShopeeShop } from '../../connectors/marketplaces/shopee/shopee-shop.js';

// Reads every item and model of a Shopee shop (spec §1.4): get_item_list pages (offset, ≤100), base info
// in batches of 50, one get_model_list per item that has models. Stock is the seller stock (the only
// writable part); reserved is the promotion-reserved stock that update_stock may not go below.

export interface RemoteListing {
  itemId: string;
  /** '0' for an item without variants. */
  modelId: string;
  sku: string;
  itemSku: string;
  name: string;
  modelName: string;
  itemStatus: string;
  price: number | null;
  stock: number | null;
  reserved: number;
}

/** Item statuses pulled: on sale and hidden by the seller (deleted and banned ones are not listings to sync). */
export const PULLED_STATUSES = ['NORMAL', 'UNLIST'] as const;

type StockInfo = { summary_info?: { total_reserved_stock?: number; total_available_stock?: number }; seller_stock?: { stock: number }[] } | undefined;

export function stockOf(info: StockInfo): { stock: number | null; reserved: number } {
  if (!info) return { stock: null, reserved: 0 };
  const seller = info.seller_stock?.length ? info.seller_stock.reduce((s, x) => s + x.stock, 0) : info.summary_info?.total_available_stock ?? null;
  return { stock: seller, reserved: Math.max(0, Math.trunc(info.summary_info?.total_reserved_stock ?? 0)) };
}

const priceOf = (list: { original_price?: number }[] | undefined): number | null => {
  const p = list?.[0]?.original_price;
  return typeof p === 'number' && Number.isFinite(p) ? Math.round(p) : null;
};

export async function readShopListings(shop: ShopeeShop): Promise<{ items: number; listings: RemoteListing[] }> {
  const ids: string[] = [];
  for (let offset = 0; ;) {
    const page = await getItemList(shop, { offset, pageSize: 100, itemStatus: PULLED_STATUSES });
    ids.push(...page.item.map((i) => i.item_id));
    if (!page.has_next_page || page.item.length === 0 || page.next_offset <= offset) break;
    offset = page.next_offset;
  }
  const infos = await getItemBaseInfo(shop, ids);
  const out: RemoteListing[] = [];
  for (const info of infos) {
    const base = { itemId: info.item_id, itemSku: info.item_sku, name: info.item_name, itemStatus: info.item_status };
    if (!info.has_model) {
      out.push({ ...base, modelId: '0', sku: info.item_sku, modelName: '', price: priceOf(info.price_info), ...stockOf(info.stock_info_v2) });
      continue;
    }
    const models = await getModelList(shop, info.item_id);
    for (const m of models.model) {
      const modelName = m.tier_index.map((t, i) => models.tier_variation[i]?.option_list[t]?.option ?? '').filter(Boolean).join(', ');
      out.push({ ...base, modelId: m.model_id, sku: m.model_sku, modelName, price: priceOf(m.price_info), ...stockOf(m.stock_info_v2) });
    }
  }
  return { items: infos.length, listings: out };
}
