// Viettel Post status codes (spec A2.9), their names as VTP writes them, and the scripted paths.

export const VTP_STATUS_NAMES: Record<number, string> = {
  [-100]: 'Đơn hàng mới tạo, chưa duyệt',
  [-108]: 'Đơn hàng gửi tại bưu cục',
  [-109]: 'Đơn hàng đã gửi tại điểm thu gom',
  [-110]: 'Đơn hàng đang bàn giao qua bưu cục',
  100: 'Tiếp nhận đơn hàng từ đối tác',
  101: 'ViettelPost yêu cầu hủy đơn hàng',
  102: 'Đơn hàng chờ xử lý',
  103: 'Giao cho bưu cục',
  104: 'Giao cho bưu tá đi nhận',
  105: 'Bưu tá đã nhận hàng',
  106: 'Đối tác yêu cầu lấy lại hàng',
  107: 'Đối tác yêu cầu hủy qua API',
  200: 'Nhận từ bưu tá - Bưu cục gốc',
  201: 'Hủy nhập phiếu gửi',
  202: 'Sửa phiếu gửi',
  300: 'Khai thác đi',
  301: 'Đóng túi gói',
  302: 'Đóng chuyến thư',
  303: 'Đóng tuyến xe',
  400: 'Khai thác đến',
  401: 'Nhận bảng kê đến',
  402: 'Nhận túi gói',
  403: 'Nhận chuyến thư',
  500: 'Giao bưu tá đi phát',
  501: 'Phát thành công',
  502: 'Chuyển hoàn bưu cục gốc',
  503: 'Hủy - Theo yêu cầu khách hàng',
  504: 'Hoàn thành công - Chuyển trả người gửi',
  505: 'Tồn - Thông báo chuyển hoàn bưu cục gốc',
  506: 'Tồn - Khách hàng nghỉ, không có nhà',
  507: 'Tồn - Khách hàng đến bưu cục nhận',
  508: 'Phát tiếp',
  509: 'Chuyển tiếp bưu cục khác',
  510: 'Hủy phân công phát',
  515: 'Bưu cục phát duyệt hoàn',
  550: 'Phát tiếp theo yêu cầu khách hàng',
};

export const isVtpStatus = (code: number): boolean => Object.prototype.hasOwnProperty.call(VTP_STATUS_NAMES, code);

export const VTP_FINAL: ReadonlySet<number> = new Set([101, 107, 201, 501, 503, 504]);

/** After these, the parcel is heading back to the shop (webhook IS_RETURNING). */
export const VTP_RETURNING: ReadonlySet<number> = new Set([502, 504, 515]);

const FORWARD = [100, 102, 103, 104, 105, 200, 300, 400, 500] as const;

export const VTP_PATHS = {
  happy: [...FORWARD, 501],
  /** Fails twice, then waits at 505 for the shop (UpdateOrder TYPE 2 return / 3 re-deliver). */
  failThenDecision: [...FORWARD, 506, 500, 505],
  /** After TYPE 2. */
  returnAfterDecision: [505, 515, 502, 504],
  /** After TYPE 3. */
  redeliverAfterDecision: [505, 550, 500, 501],
  redeliveredByUnit: [...FORWARD, 506, 508, 500, 501],
  pickupAtOffice: [...FORWARD, 507, 501],
  forwarded: [100, 102, 103, 104, 105, 200, 300, 400, 509, 400, 500, 501],
  refused: [100, 101],
  waybillCancelled: [100, 102, 103, 104, 105, 200, 201],
  destroyed: [...FORWARD, 506, 503],
} as const satisfies Record<string, readonly number[]>;

export type VtpPathName = keyof typeof VTP_PATHS;

/** Reason codes (2025 doc) sent with failure statuses. */
export const VTP_REASONS: Partial<Record<number, readonly string[]>> = {
  506: ['35', '36', '37'],
  507: ['38'],
  505: ['20', '21', '22', '23', '24', '25', '26', '27', '30', '31', '32'],
};
