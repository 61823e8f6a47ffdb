// The services the simulated contract offers, with a plausible tariff. Codes are VTP's common ones;
// a real contract has its own list, which is why clients must read getPriceAll for the route.

export interface VtpService {
  code: string;
  name: string;
  /** First 500 g, by band. */
  base: { sameProvince: number; sameRegion: number; otherRegion: number };
  /** Each further 500 g. */
  perStep: number;
  /** Delivery promise in hours, by band. */
  hours: { sameProvince: number; sameRegion: number; otherRegion: number };
  /** Percentage of COD charged as collection fee (LCOD includes collection). */
  codFeeRate: number;
  intraProvinceOnly?: boolean;
}

export const VTP_SERVICES: readonly VtpService[] = [
  { code: 'VCN', name: 'Chuyển phát nhanh - Hàng hóa', base: { sameProvince: 22_000, sameRegion: 30_000, otherRegion: 38_000 }, perStep: 5_000, hours: { sameProvince: 24, sameRegion: 36, otherRegion: 48 }, codFeeRate: 0.008 },
  { code: 'VTK', name: 'Tiết kiệm', base: { sameProvince: 18_000, sameRegion: 24_000, otherRegion: 30_000 }, perStep: 3_500, hours: { sameProvince: 48, sameRegion: 72, otherRegion: 120 }, codFeeRate: 0.008 },
  { code: 'LCOD', name: 'TMĐT Chuyển phát tiêu chuẩn (thu hộ)', base: { sameProvince: 20_000, sameRegion: 26_000, otherRegion: 32_000 }, perStep: 4_000, hours: { sameProvince: 24, sameRegion: 48, otherRegion: 72 }, codFeeRate: 0 },
  { code: 'PHS', name: 'Nội tỉnh tiết kiệm', base: { sameProvince: 16_000, sameRegion: 0, otherRegion: 0 }, perStep: 2_500, hours: { sameProvince: 24, sameRegion: 0, otherRegion: 0 }, codFeeRate: 0.008, intraProvinceOnly: true },
];

export interface VtpExtraService {
  SERVICE_CODE: string;
  SERVICE_NAME: string;
  DESCRIPTION: string;
  /** Simulator-only: flat price. */
  price: number;
}

export const VTP_EXTRA_SERVICES: readonly VtpExtraService[] = [
  { SERVICE_CODE: 'GBP', SERVICE_NAME: 'Báo phát', DESCRIPTION: 'Báo phát cho người gửi khi giao thành công', price: 3_000 },
  { SERVICE_CODE: 'XMG', SERVICE_NAME: 'Thu tiền xem hàng', DESCRIPTION: 'Thu phí khi người nhận chỉ xem hàng, không nhận', price: 0 },
  { SERVICE_CODE: 'PTTX', SERVICE_NAME: 'Phát tận tay có xác thực', DESCRIPTION: 'Xác thực người nhận khi giao', price: 5_000 },
];
