import { z } from 'zod';

// Response parsing per endpoint (spec §1.2, §1.4). Every object is loose (unknown fields pass through),
// strict only on what we use. Ids arrive as numbers, or as strings when above 2^53 (lossless parser): they
// always leave here as strings. Statuses are plain strings so a new Shopee value is surfaced, not a crash.

/** An int64 id → decimal text. */
export const sid = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
/** Unix seconds (uint32). */
const ts = z.number().int().nonnegative();
const money = z.number();
const optStr = z.string().optional();
const arr = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? []);

// ── Auth (top-level fields, no `response` wrapper) ──────────────────────────────────────────────────────
export const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expire_in: z.number().int().positive(),
  request_id: optStr,
  shop_id_list: arr(sid).optional(),
  merchant_id_list: arr(sid).optional(),
  // The refresh answer echoes the shop; the code exchange may not.
  shop_id: sid.optional(),
  merchant_id: sid.optional(),
});
export type TokenResponse = z.output<typeof tokenResponse>;

// ── Shop ────────────────────────────────────────────────────────────────────────────────────────────────
export const shopInfo = z.looseObject({
  shop_name: z.string().default(''),
  region: optStr,
  status: optStr,
  expire_time: ts.optional(),
  auth_time: ts.optional(),
});

// ── Orders ──────────────────────────────────────────────────────────────────────────────────────────────
export const orderList = z.looseObject({
  more: z.boolean(),
  next_cursor: z.string().default(''),
  order_list: arr(z.looseObject({ order_sn: z.string().min(1), order_status: optStr, booking_sn: optStr })),
});
export type OrderListPage = z.output<typeof orderList>;

const orderItem = z.looseObject({
  item_id: sid,
  item_name: z.string().default(''),
  item_sku: z.string().default(''),
  model_id: sid,
  model_name: z.string().default(''),
  model_sku: z.string().default(''),
  model_quantity_purchased: z.number().int(),
  model_original_price: money.optional(),
  model_discounted_price: money.optional(),
  order_item_id: sid.optional(),
  promotion_group_id: sid.optional(),
  promotion_id: sid.optional(),
  weight: z.number().optional(),
});
const packageEntry = z.looseObject({
  package_number: z.string(),
  logistics_status: optStr,
  shipping_carrier: optStr,
  item_list: arr(z.looseObject({ item_id: sid, model_id: sid, quantity: z.number().int().optional(), order_item_id: sid.optional(), promotion_group_id: sid.optional() })),
});
const address = z.looseObject({
  name: z.string().default(''), phone: z.string().default(''), town: optStr, district: optStr, city: optStr, state: optStr,
  region: optStr, zipcode: optStr, full_address: z.string().default(''),
});
export const orderDetail = z.looseObject({
  order_sn: z.string().min(1),
  order_status: z.string(),
  region: optStr,
  currency: optStr,
  cod: z.boolean().optional(),
  create_time: ts,
  update_time: ts,
  pay_time: ts.nullish(),
  ship_by_date: ts.optional(),
  days_to_ship: z.number().optional(),
  message_to_seller: optStr,
  buyer_user_id: sid.optional(),
  buyer_username: optStr,
  total_amount: money.optional(),
  estimated_shipping_fee: money.optional(),
  payment_method: optStr,
  shipping_carrier: optStr,
  cancel_by: optStr,
  cancel_reason: optStr,
  buyer_cancel_reason: optStr,
  pending_terms: arr(z.string()).optional(),
  recipient_address: address.optional(),
  item_list: arr(orderItem).optional(),
  package_list: arr(packageEntry).optional(),
});
export type ShopeeOrderDetail = z.output<typeof orderDetail>;
export const orderDetailList = z.looseObject({ order_list: arr(orderDetail) });

// ── Products ────────────────────────────────────────────────────────────────────────────────────────────
export const itemList = z.looseObject({
  item: arr(z.looseObject({ item_id: sid, item_status: z.string(), update_time: ts.optional(), tag: z.unknown().optional() })),
  total_count: z.number().int().default(0),
  has_next_page: z.boolean(),
  next_offset: z.number().int().default(0),
});
const stockInfoV2 = z.looseObject({
  summary_info: z.looseObject({ total_reserved_stock: z.number().optional(), total_available_stock: z.number().optional() }).optional(),
  seller_stock: arr(z.looseObject({ location_id: optStr, stock: z.number().int() })).optional(),
  shopee_stock: arr(z.looseObject({ location_id: optStr, stock: z.number().int() })).optional(),
});
const priceInfo = z.looseObject({ currency: optStr, original_price: money.optional(), current_price: money.optional() });
export const itemBaseInfo = z.looseObject({
  item_list: arr(z.looseObject({
    item_id: sid,
    category_id: sid.optional(),
    item_name: z.string().default(''),
    item_sku: z.string().default(''),
    item_status: z.string(),
    has_model: z.boolean().default(false),
    create_time: ts.optional(),
    update_time: ts.optional(),
    price_info: arr(priceInfo).optional(),
    stock_info_v2: stockInfoV2.optional(),
    weight: z.union([z.string(), z.number()]).optional(),
  })),
});
export const modelList = z.looseObject({
  tier_variation: arr(z.looseObject({ name: z.string(), option_list: arr(z.looseObject({ option: z.string() })) })),
  model: arr(z.looseObject({
    model_id: sid,
    model_sku: z.string().default(''),
    model_status: optStr,
    tier_index: arr(z.number().int()),
    price_info: arr(priceInfo),
    stock_info_v2: stockInfoV2.optional(),
  })),
});
const failure = z.looseObject({ model_id: sid.optional(), failed_reason: z.string().default('') });
export const updateStockResult = z.looseObject({
  success_list: arr(z.looseObject({ model_id: sid.optional(), location_id: optStr, stock: z.number().optional() })),
  failure_list: arr(failure),
});
export const updatePriceResult = z.looseObject({
  success_list: arr(z.looseObject({ model_id: sid.optional(), original_price: money.optional() })),
  failure_list: arr(failure),
});
export const addItemResult = z.looseObject({ item_id: sid });
export const categoryList = z.looseObject({
  category_list: arr(z.looseObject({ category_id: sid, parent_category_id: sid.optional(), original_category_name: z.string().default(''), display_category_name: z.string().default(''), has_children: z.boolean().default(false) })),
});
export const attributeList = z.looseObject({
  attribute_list: arr(z.looseObject({
    attribute_id: sid, original_attribute_name: z.string().default(''), display_attribute_name: z.string().default(''), is_mandatory: z.boolean().default(false),
    // DROP_DOWN | COMBO_BOX | TEXT_FILED (Shopee's spelling) | MULTIPLE_SELECT; kept as text so a new one is shown, not refused.
    input_type: optStr,
    attribute_value_list: arr(z.looseObject({ value_id: sid, original_value_name: z.string().default(''), display_value_name: z.string().default('') })).optional(),
  })),
});
export const initTierVariationResult = z.looseObject({
  item_id: sid.optional(),
  model: arr(z.looseObject({ model_id: sid, tier_index: arr(z.number().int()), model_sku: z.string().default('') })).optional(),
});

// ── Media ───────────────────────────────────────────────────────────────────────────────────────────────
/** upload_image [?]: `image_info.image_id` is the handle add_item takes. */
export const uploadImageResult = z.looseObject({
  image_info: z.looseObject({
    image_id: z.string().min(1),
    image_url_list: arr(z.looseObject({ image_url_region: optStr, image_url: z.string() })),
  }),
});

// ── Logistics ───────────────────────────────────────────────────────────────────────────────────────────
/** get_channel_list [?]: weights in kg, dimensions in cm; a channel without limits has none to check. */
export const channelList = z.looseObject({
  logistics_channel_list: arr(z.looseObject({
    logistics_channel_id: sid,
    logistics_channel_name: z.string().default(''),
    enabled: z.boolean().default(false),
    cod_enabled: z.boolean().default(false),
    fee_type: optStr,
    mask_channel_id: sid.optional(),
    weight_limit: z.looseObject({ item_max_weight: z.number().nullish(), item_min_weight: z.number().nullish() }).nullish(),
    item_max_dimension: z.looseObject({ height: z.number().nullish(), width: z.number().nullish(), length: z.number().nullish(), unit: optStr }).nullish(),
  })),
});
export const shippingParameter = z.looseObject({
  info_needed: z.looseObject({ pickup: arr(z.string()), dropoff: arr(z.string()), non_integrated: arr(z.string()) }).partial().default({}),
  pickup: z.looseObject({
    address_list: arr(z.looseObject({
      address_id: sid, address: z.string().default(''), region: optStr, state: optStr, city: optStr, district: optStr, town: optStr, address_flag: arr(z.string()).optional(),
      time_slot_list: arr(z.looseObject({ date: ts, pickup_time_id: z.string(), time_text: optStr })),
    })),
  }).nullish(),
  dropoff: z.looseObject({ branch_list: arr(z.looseObject({ branch_id: sid, region: optStr, state: optStr, city: optStr, address: z.string().default('') })) }).nullish(),
});
export const emptyResult = z.unknown();
export const batchShipResult = z.looseObject({
  result_list: arr(z.looseObject({ order_sn: z.string().optional(), package_number: optStr, fail_error: optStr, fail_message: optStr })),
}).or(z.undefined().transform(() => ({ result_list: [] })));
export const trackingNumber = z.looseObject({ tracking_number: z.string().default(''), plp_number: optStr, first_mile_tracking_number: optStr, last_mile_tracking_number: optStr });
export const documentResultList = z.looseObject({
  result_list: arr(z.looseObject({ order_sn: z.string(), package_number: optStr, status: optStr, fail_error: optStr, fail_message: optStr })),
});
