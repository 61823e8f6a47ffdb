// Entry point for the demo network and tests: the Shopee simulator and the demo shop's defaults.

export { startShopeeSimulator, SHOPEE_BUSINESS_PATHS, type ShopeeSimulatorHandle, type ShopeeSimulatorOptions, type ShopeeRateLimits } from './shopee-simulator.js';
export type { ShopeeControl, CreateOrderRequest } from './shopee-control.js';
export type { ShopSeed, ItemSeed, ModelSeed } from './catalog.js';
export type { ShopeePartner, TokenLifetimes } from './shopee-auth.js';
export type { GenerationOptions, FlashSaleOptions } from './order-generator.js';
export type { OrderSnapshot, ItemSnapshot } from './snapshots.js';
export type { OrderStatus, LogisticsStatus } from './statuses.js';
export { DEMO_SHOPEE_GENERATION, DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, DEMO_SHOPEE_SHOP_IDS } from './demo-defaults.js';
