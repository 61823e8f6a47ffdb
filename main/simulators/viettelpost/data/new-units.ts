// Viettel Post's post-reform (province → ward) master data, as /v3/categories/listProvinceNew and
// listWardsNew serve it. The new ids are a separate range from the old ones (provinces 101+, wards
// 100000+), so createOrder can tell which scheme a request used. DISTRICT_ID links a new ward to
// the old district it mostly came from; 0 where VTP gives no link.

import type { Region } from './legacy-units.js';

export interface VtpNewProvince {
  PROVINCE_ID: number;
  PROVINCE_CODE: string;
  PROVINCE_NAME: string;
  /** Simulator-only: the old province id with the same tariff band and "same province" meaning. */
  legacyProvinceId: number;
  region: Region;
}

export interface VtpNewWard {
  WARDS_ID: number;
  WARDS_NAME: string;
  DISTRICT_ID: number;
  PROVINCE_ID: number;
}

export const VTP_NEW_PROVINCES: readonly VtpNewProvince[] = [
  { PROVINCE_ID: 101, PROVINCE_CODE: 'HNI', PROVINCE_NAME: 'Thành phố Hà Nội', legacyProvinceId: 1, region: 'north' },
  { PROVINCE_ID: 102, PROVINCE_CODE: 'HCM', PROVINCE_NAME: 'Thành phố Hồ Chí Minh', legacyProvinceId: 2, region: 'south' },
  { PROVINCE_ID: 103, PROVINCE_CODE: 'HPG', PROVINCE_NAME: 'Thành phố Hải Phòng', legacyProvinceId: 3, region: 'north' },
  { PROVINCE_ID: 104, PROVINCE_CODE: 'DNG', PROVINCE_NAME: 'Thành phố Đà Nẵng', legacyProvinceId: 4, region: 'central' },
  { PROVINCE_ID: 105, PROVINCE_CODE: 'CTO', PROVINCE_NAME: 'Thành phố Cần Thơ', legacyProvinceId: 5, region: 'south' },
  { PROVINCE_ID: 106, PROVINCE_CODE: 'HUE', PROVINCE_NAME: 'Thành phố Huế', legacyProvinceId: 28, region: 'central' },
  { PROVINCE_ID: 107, PROVINCE_CODE: 'KHA', PROVINCE_NAME: 'Tỉnh Khánh Hòa', legacyProvinceId: 34, region: 'central' },
  { PROVINCE_ID: 108, PROVINCE_CODE: 'NAN', PROVINCE_NAME: 'Tỉnh Nghệ An', legacyProvinceId: 19, region: 'central' },
  { PROVINCE_ID: 109, PROVINCE_CODE: 'AGG', PROVINCE_NAME: 'Tỉnh An Giang', legacyProvinceId: 57, region: 'south' },
  { PROVINCE_ID: 110, PROVINCE_CODE: 'DNI', PROVINCE_NAME: 'Tỉnh Đồng Nai', legacyProvinceId: 45, region: 'south' },
];

export const VTP_NEW_WARDS: readonly VtpNewWard[] = [
  { WARDS_ID: 100110, WARDS_NAME: 'Phường Cầu Giấy', DISTRICT_ID: 5, PROVINCE_ID: 101 },
  { WARDS_ID: 100180, WARDS_NAME: 'Phường Thanh Xuân', DISTRICT_ID: 0, PROVINCE_ID: 101 },
  { WARDS_ID: 100590, WARDS_NAME: 'Phường Bến Thành', DISTRICT_ID: 43, PROVINCE_ID: 102 },
  { WARDS_ID: 100591, WARDS_NAME: 'Phường Sài Gòn', DISTRICT_ID: 43, PROVINCE_ID: 102 },
  { WARDS_ID: 100592, WARDS_NAME: 'Phường Tân Định', DISTRICT_ID: 43, PROVINCE_ID: 102 },
  { WARDS_ID: 100640, WARDS_NAME: 'Phường Bàn Cờ', DISTRICT_ID: 45, PROVINCE_ID: 102 },
  { WARDS_ID: 100652, WARDS_NAME: 'Phường Xuân Hòa', DISTRICT_ID: 45, PROVINCE_ID: 102 },
  { WARDS_ID: 100790, WARDS_NAME: 'Phường Tân Bình', DISTRICT_ID: 52, PROVINCE_ID: 102 },
  { WARDS_ID: 101250, WARDS_NAME: 'Phường Gia Viên', DISTRICT_ID: 66, PROVINCE_ID: 103 },
  { WARDS_ID: 101620, WARDS_NAME: 'Phường Hải Châu', DISTRICT_ID: 88, PROVINCE_ID: 104 },
  { WARDS_ID: 102210, WARDS_NAME: 'Phường An Khánh', DISTRICT_ID: 120, PROVINCE_ID: 105 },
  { WARDS_ID: 105920, WARDS_NAME: 'Phường Thuận Hóa', DISTRICT_ID: 320, PROVINCE_ID: 106 },
  { WARDS_ID: 107250, WARDS_NAME: 'Phường Nha Trang', DISTRICT_ID: 392, PROVINCE_ID: 107 },
  { WARDS_ID: 104310, WARDS_NAME: 'Phường Vinh Phú', DISTRICT_ID: 231, PROVINCE_ID: 108 },
  { WARDS_ID: 111300, WARDS_NAME: 'Phường Long Xuyên', DISTRICT_ID: 0, PROVINCE_ID: 109 },
  { WARDS_ID: 109480, WARDS_NAME: 'Phường Trấn Biên', DISTRICT_ID: 512, PROVINCE_ID: 110 },
];
