// GHN shipment statuses (spec A1.9) and the scripted paths the simulator walks them along.

export const GHN_STATUSES = [
  'ready_to_pick',
  'picking',
  'money_collect_picking',
  'picked',
  'storing',
  'transporting',
  'sorting',
  'delivering',
  'money_collect_delivering',
  'delivered',
  'delivery_fail',
  'waiting_to_return',
  'return',
  'return_transporting',
  'return_sorting',
  'returning',
  'return_fail',
  'returned',
  'cancel',
  'exception',
  'lost',
  'damage',
  'scrap',
] as const;

export type GhnStatus = (typeof GHN_STATUSES)[number];

export const isGhnStatus = (s: string): s is GhnStatus => (GHN_STATUSES as readonly string[]).includes(s);

export const GHN_FINAL: ReadonlySet<GhnStatus> = new Set(['delivered', 'returned', 'cancel', 'exception', 'lost', 'damage', 'scrap']);

/** Cancel is accepted only before the parcel is in GHN's hands. */
export const GHN_CANCELLABLE: ReadonlySet<GhnStatus> = new Set(['ready_to_pick', 'picking', 'money_collect_picking']);

/** COD can still change until the courier is out for delivery. */
export const GHN_COD_EDITABLE: ReadonlySet<GhnStatus> = new Set(['ready_to_pick', 'picking', 'money_collect_picking', 'picked', 'storing', 'transporting', 'sorting']);

const FORWARD = ['ready_to_pick', 'picking', 'picked', 'storing', 'transporting', 'sorting', 'delivering'] as const;

export const GHN_PATHS = {
  happy: [...FORWARD, 'delivered'],
  /** The courier collects COD at the door before marking it delivered. */
  cod: [...FORWARD, 'money_collect_delivering', 'delivered'],
  return: [...FORWARD, 'delivery_fail', 'waiting_to_return', 'return', 'return_transporting', 'return_sorting', 'returning', 'returned'],
  /** Return that fails once before reaching the shop. */
  returnFail: [...FORWARD, 'delivery_fail', 'waiting_to_return', 'return', 'return_transporting', 'returning', 'return_fail', 'returning', 'returned'],
  /** After a failed attempt the shop asks for re-delivery (switch-status/storing). */
  redeliver: ['delivery_fail', 'storing', 'delivering', 'delivered'],
  lost: ['ready_to_pick', 'picking', 'picked', 'storing', 'transporting', 'lost'],
  damage: ['ready_to_pick', 'picking', 'picked', 'storing', 'transporting', 'sorting', 'damage'],
  exception: ['ready_to_pick', 'picking', 'picked', 'storing', 'exception'],
  /** Pickup where the courier collects money from the shop first. */
  collectAtPickup: ['ready_to_pick', 'picking', 'money_collect_picking', 'picked', 'storing', 'transporting', 'sorting', 'delivering', 'delivered'],
  scrap: ['ready_to_pick', 'picking', 'picked', 'storing', 'scrap'],
} as const satisfies Record<string, readonly GhnStatus[]>;

export type GhnPathName = keyof typeof GHN_PATHS;

/** Vietnamese text GHN puts in the webhook `Description`. */
export const GHN_STATUS_TEXT: Record<GhnStatus, string> = {
  ready_to_pick: 'Mới tạo đơn hàng',
  picking: 'Nhân viên đang lấy hàng',
  money_collect_picking: 'Đang tương tác với người gửi',
  picked: 'Lấy hàng thành công',
  storing: 'Hàng đang nằm ở kho',
  transporting: 'Đang luân chuyển hàng',
  sorting: 'Đang phân loại hàng hóa',
  delivering: 'Nhân viên đang giao cho người nhận',
  money_collect_delivering: 'Nhân viên đang tương tác với người nhận',
  delivered: 'Giao hàng thành công',
  delivery_fail: 'Giao hàng thất bại',
  waiting_to_return: 'Đang đợi trả hàng về cho người gửi',
  return: 'Trả hàng',
  return_transporting: 'Đang luân chuyển hàng trả',
  return_sorting: 'Đang phân loại hàng trả',
  returning: 'Nhân viên đang đi trả hàng',
  return_fail: 'Trả hàng thất bại',
  returned: 'Trả hàng thành công',
  cancel: 'Hủy đơn hàng',
  exception: 'Đơn hàng ngoại lệ không nằm trong quy trình',
  lost: 'Hàng thất lạc',
  damage: 'Hàng hư hỏng',
  scrap: 'Hàng bị tiêu hủy',
};
