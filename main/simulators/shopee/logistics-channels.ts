// The shop's shipping channels (get_channel_list) and what add_item checks against them: a listing
// may only name channels the shop has enabled, and its weight must fit each chosen channel's limits.
// [?] Ids, names, limits and fee types are guesses shaped like Shopee VN's channel list (not in the
// spec sheet); one row each, so a wrong guess is a one-line change. SPX Express is the channel the
// simulator's orders ship with (order-view's logistics_channel_id).

export type FeeType = 'SIZE_INPUT' | 'FIXED_DEFAULT_PRICE' | 'CUSTOM_PRICE' | 'SIZE_SELECTION';

export interface LogisticsChannel {
  id: number;
  name: string;
  enabled: boolean;
  codEnabled: boolean;
  feeType: FeeType;
  /** kg */
  minWeight: number;
  /** kg */
  maxWeight: number;
  /** cm: height, width, length */
  maxDimension: { height: number; width: number; length: number };
  maskChannelId: number;
}

export const SPX_EXPRESS_ID = 50021;

export const LOGISTICS_CHANNELS: readonly LogisticsChannel[] = [
  { id: SPX_EXPRESS_ID, name: 'SPX Express', enabled: true, codEnabled: true, feeType: 'SIZE_INPUT', minWeight: 0.01, maxWeight: 30, maxDimension: { height: 100, width: 100, length: 100 }, maskChannelId: 5002 },
  { id: 50011, name: 'Giao Hàng Nhanh', enabled: true, codEnabled: true, feeType: 'SIZE_INPUT', minWeight: 0.01, maxWeight: 20, maxDimension: { height: 80, width: 80, length: 80 }, maskChannelId: 5001 },
  { id: 50010, name: 'Viettel Post', enabled: false, codEnabled: true, feeType: 'SIZE_INPUT', minWeight: 0.01, maxWeight: 30, maxDimension: { height: 100, width: 100, length: 100 }, maskChannelId: 5001 },
  { id: 50018, name: 'J&T Express', enabled: true, codEnabled: true, feeType: 'SIZE_INPUT', minWeight: 0.01, maxWeight: 15, maxDimension: { height: 60, width: 60, length: 60 }, maskChannelId: 5001 },
  { id: 50024, name: 'Hỏa Tốc', enabled: false, codEnabled: false, feeType: 'FIXED_DEFAULT_PRICE', minWeight: 0.01, maxWeight: 5, maxDimension: { height: 40, width: 40, length: 40 }, maskChannelId: 5003 },
];

export const channelById = (id: number): LogisticsChannel | undefined => LOGISTICS_CHANNELS.find((c) => c.id === id);

export const channelWire = (c: LogisticsChannel) => ({
  logistics_channel_id: c.id,
  logistics_channel_name: c.name,
  enabled: c.enabled,
  cod_enabled: c.codEnabled,
  fee_type: c.feeType,
  mask_channel_id: c.maskChannelId,
  weight_limit: { item_max_weight: c.maxWeight, item_min_weight: c.minWeight },
  item_max_dimension: { ...c.maxDimension, unit: 'cm' },
  size_list: [],
  logistics_description: '',
  force_enable: false,
  preferred: c.id === SPX_EXPRESS_ID,
});
