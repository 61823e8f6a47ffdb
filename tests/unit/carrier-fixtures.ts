import type { BookingRequest, CarrierAccountConfig, CarrierAddress } from '../../main/connectors/carriers/carrier-connector.js';

// Shared request fixtures for the carrier tests. Phones are valid Vietnamese numbers (the doc samples are not, G3.9).

export const SENDER: CarrierAddress = {
  name: 'Kho Packdesk Q1',
  phone: '0912345678',
  street: '12 Nguyễn Huệ',
  fullText: '12 Nguyễn Huệ, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
  legacy: { provinceId: '202', districtId: '1442', wardId: '20109', provinceName: 'Hồ Chí Minh', districtName: 'Quận 1', wardName: 'Phường Bến Nghé' },
};

/** A legacy-scheme receiver whose ward code has a leading zero (G2.3). */
export const RECEIVER_LEGACY: CarrierAddress = {
  name: 'Nguyễn Thị Hoa',
  phone: '+84 987 654 321',
  street: '5 Hàng Bông',
  fullText: '5 Hàng Bông, Phường Hàng Gai, Quận Hoàn Kiếm, Hà Nội',
  legacy: { provinceId: '201', districtId: '1489', wardId: '030712', provinceName: 'Hà Nội', districtName: 'Quận Hoàn Kiếm', wardName: 'Phường Hàng Gai' },
};

/** A 2025 two-level receiver (no district). */
export const RECEIVER_NEW: CarrierAddress = {
  name: 'Trần Văn Nam',
  phone: '0387654321',
  street: '8 Lý Thường Kiệt',
  fullText: '8 Lý Thường Kiệt, Phường Cửa Nam, Hà Nội',
  current: { provinceId: '1000000', wardId: '1003573', provinceName: 'Hà Nội', wardName: 'Phường Cửa Nam' },
};

export function booking(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    from: SENDER,
    to: RECEIVER_LEGACY,
    parcel: {
      weightG: 1200, lengthCm: 30, widthCm: 20, heightCm: 10, valueVnd: 450_000,
      items: [
        { name: 'Áo thun cotton', sku: 'AT-01-M', quantity: 2, priceVnd: 150_000, weightG: 300 },
        { name: 'Quần jean', sku: 'QJ-02-L', quantity: 1, priceVnd: 150_000, weightG: 600 },
      ],
    },
    codVnd: 480_000,
    insuranceVnd: 450_000,
    code: 'PD-000123',
    serviceCode: '2',
    payer: 'seller',
    inspection: 'look',
    note: 'Gọi trước khi giao',
    content: 'Quần áo',
    ...overrides,
  };
}

export function account(carrier: CarrierAccountConfig['carrier'], baseUrl: string, overrides: Partial<CarrierAccountConfig> = {}): CarrierAccountConfig {
  return carrier === 'ghn'
    ? { id: 1, carrier, environment: 'custom', baseUrl, settings: { shopId: 885 }, secrets: { token: 'ghn-token' }, ...overrides }
    : { id: 2, carrier, environment: 'custom', baseUrl, settings: { username: '0912345678' }, secrets: { password: 'secret-pw', token: 'old-long-token' }, ...overrides };
}
