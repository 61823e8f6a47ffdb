// The demo shop's Shopee side: one partner (app) and two shops of the same seller that list some of
// the same SKUs, so a flash sale on one SKU draws on one warehouse stock from two channels. Item and
// model ids include values above 2^53, as Shopee's int64 ids can be.

import type { ShopSeed } from './catalog.js';
import type { GenerationOptions } from './order-generator.js';
import type { ShopeePartner } from './shopee-auth.js';

export const DEMO_SHOPEE_PARTNER: ShopeePartner = { partnerId: 2_001_887, partnerKey: 'demo-shopee-partner-key-5a7c0f3e9b1d4e2f8a6c' };

export const DEMO_SHOPEE_SHOP_IDS = { main: 14_701_711, outlet: 14_701_712 } as const;

const tee = (itemId: bigint, firstModel: bigint) => ({
  itemId,
  name: 'Áo thun cotton basic unisex',
  sku: 'AT-BASIC',
  categoryId: 100351,
  weightKg: 0.25,
  tiers: [
    { name: 'Màu', options: ['Trắng', 'Đen'] },
    { name: 'Size', options: ['M', 'L'] },
  ],
  models: [
    { modelId: firstModel, sku: 'AT-BASIC-TRANG-M', tierIndex: [0, 0], price: 129_000, stock: 40 },
    { modelId: firstModel + 2n, sku: 'AT-BASIC-TRANG-L', tierIndex: [0, 1], price: 129_000, stock: 35 },
    { modelId: firstModel + 4n, sku: 'AT-BASIC-DEN-M', tierIndex: [1, 0], price: 139_000, stock: 30 },
    { modelId: firstModel + 6n, sku: 'AT-BASIC-DEN-L', tierIndex: [1, 1], price: 139_000, stock: 25, reserved: 5 },
  ],
  attributes: [
    { attributeId: 100037, valueId: 1146 },
    { attributeId: 100134, valueId: 2210 },
  ],
});

export const DEMO_SHOPEE_SHOPS: ShopSeed[] = [
  {
    shopId: DEMO_SHOPEE_SHOP_IDS.main,
    name: 'Packdesk Home Official',
    items: [
      tee(9_007_199_254_740_993n, 9_007_199_254_800_001n),
      { itemId: 23_000_000_101n, name: 'Cà phê phin Robusta Buôn Ma Thuột 500g', sku: 'CF-ROB-500', categoryId: 100780, weightKg: 0.55, price: 165_000, stock: 60 },
      {
        itemId: 23_000_000_102n,
        name: 'Bộ bát đĩa gốm Bát Tràng men lam',
        sku: 'BD-BATTRANG',
        categoryId: 100718,
        weightKg: 2.4,
        tiers: [{ name: 'Bộ', options: ['6 món', '10 món'] }],
        models: [
          { modelId: 150_000_000_201n, sku: 'BD-BATTRANG-6', tierIndex: [0], price: 450_000, stock: 12 },
          { modelId: 150_000_000_202n, sku: 'BD-BATTRANG-10', tierIndex: [1], price: 690_000, stock: 8 },
        ],
      },
      { itemId: 23_000_000_103n, name: 'Nón lá Huế thêu hoa sen', sku: 'NL-HUE', categoryId: 100351, weightKg: 0.3, price: 85_000, stock: 0 },
    ],
  },
  {
    shopId: DEMO_SHOPEE_SHOP_IDS.outlet,
    name: 'Packdesk Outlet',
    items: [
      tee(9_007_199_254_741_001n, 9_007_199_254_900_001n),
      { itemId: 23_000_000_201n, name: 'Cà phê phin Robusta Buôn Ma Thuột 500g', sku: 'CF-ROB-500', categoryId: 100780, weightKg: 0.55, price: 159_000, stock: 60 },
    ],
  },
];

/** A calm shop: an order every two minutes or so, mostly COD, a few cancels and returns. */
export const DEMO_SHOPEE_GENERATION: GenerationOptions = { ordersPerMinute: 0.5, codRate: 0.6, splitRate: 0.1 };
