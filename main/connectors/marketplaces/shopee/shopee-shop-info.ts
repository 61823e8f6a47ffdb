import { shopInfo } from './shopee-schemas.js';
import type { ShopeeShop } from './shopee-shop.js';

/** `GET /api/v2/shop/get_shop_info` (the path of the spec's signing vector, §1.3); fields at the top level, read loosely [?]. */
export function getShopInfo(shop: ShopeeShop) {
  return shop.call({ method: 'GET', path: '/api/v2/shop/get_shop_info', topLevel: true }, shopInfo);
}
