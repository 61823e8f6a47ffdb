// The authorized shop's own settings: its profile (get_shop_info) and its shipping channels
// (get_channel_list), both read by a client before it lists a product.

import type { Route } from '../shared/sim-server.js';
import { channelWire, LOGISTICS_CHANNELS } from './logistics-channels.js';
import { API, shopApi, type ShopeeContext } from './shopee-context.js';

/** [?] How long a shop's authorization lasts (Shopee shows sellers a yearly re-authorization). */
export const AUTHORIZATION_DAYS = 365;

export function shopRoutes(ctx: ShopeeContext): Route[] {
  const { replies, catalog, auth, clock } = ctx;

  // Fields at the top level, without the `response` wrapper other shop calls use [?] (wire contract).
  const getShopInfo = shopApi(ctx, (_req, shop) => {
    const authorizedMs = auth.authorizedAt(shop.partnerId, shop.shopId) ?? clock();
    const authTime = Math.floor(authorizedMs / 1000);
    return replies.topLevel({
      shop_name: catalog.shopName(shop.shopId),
      region: 'VN',
      status: 'NORMAL',
      is_cb: false,
      is_sip: false,
      auth_time: authTime,
      expire_time: authTime + AUTHORIZATION_DAYS * 86400,
    });
  });

  const getChannelList = shopApi(ctx, () => replies.ok({ logistics_channel_list: LOGISTICS_CHANNELS.map(channelWire) }));

  return [
    { methods: ['GET'], path: `${API}/shop/get_shop_info`, handler: getShopInfo },
    { methods: ['GET'], path: `${API}/logistics/get_channel_list`, handler: getChannelList },
  ];
}
