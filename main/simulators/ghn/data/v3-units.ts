// GHN's v3 (two-level, post-1 Jul 2025) master data for the demo geography. Hà Nội 1000000 and
// HCM 1000001 are GHN's real ids; the rest are stable stand-ins in the same 7-digit form. `legacy`
// links each new ward to the legacy ward GHN still prices by (simulator-only, never sent).

export interface GhnV3Province {
  _id: number;
  name: string;
  extension_names: string[];
  status: number;
}

export interface GhnV3Ward {
  _id: number;
  name: string;
  extension_names: string[];
  status: number;
  parent_id: number;
  /** Absent for a ward with no legacy counterpart GHN prices by. */
  legacy?: { districtId: number; wardCode: string };
}

export const GHN_V3_PROVINCES: readonly GhnV3Province[] = [
  { _id: 1000000, name: 'Hà Nội', extension_names: ['Thành phố Hà Nội', 'TP. Hà Nội', 'TP Hà Nội', 'HN'], status: 1 },
  { _id: 1000001, name: 'Hồ Chí Minh', extension_names: ['Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh', 'TP.HCM', 'TP HCM', 'HCM'], status: 1 },
  { _id: 1000002, name: 'Hải Phòng', extension_names: ['Thành phố Hải Phòng', 'TP. Hải Phòng'], status: 1 },
  { _id: 1000003, name: 'Đà Nẵng', extension_names: ['Thành phố Đà Nẵng', 'TP. Đà Nẵng'], status: 1 },
  { _id: 1000004, name: 'Cần Thơ', extension_names: ['Thành phố Cần Thơ', 'TP. Cần Thơ'], status: 1 },
  { _id: 1000005, name: 'Huế', extension_names: ['Thành phố Huế', 'TP. Huế'], status: 1 },
  { _id: 1000006, name: 'Khánh Hòa', extension_names: ['Tỉnh Khánh Hòa', 'Khánh Hoà'], status: 1 },
  { _id: 1000007, name: 'Nghệ An', extension_names: ['Tỉnh Nghệ An'], status: 1 },
  { _id: 1000008, name: 'An Giang', extension_names: ['Tỉnh An Giang'], status: 1 },
  { _id: 1000009, name: 'Đồng Nai', extension_names: ['Tỉnh Đồng Nai'], status: 1 },
];

const ward = (_id: number, parent_id: number, name: string, districtId?: number, wardCode?: string, status = 1): GhnV3Ward => ({
  _id,
  name,
  extension_names: [name.replace(/^Phường /, 'P. '), name.replace(/^Phường /, '')],
  status,
  parent_id,
  ...(districtId !== undefined && wardCode !== undefined ? { legacy: { districtId, wardCode } } : {}),
});

export const GHN_V3_WARDS: readonly GhnV3Ward[] = [
  ward(1001021, 1000000, 'Phường Cầu Giấy', 1485, '1A0807'),
  ward(1001045, 1000000, 'Phường Thanh Xuân', 1493, '1A1610'),
  ward(1003572, 1000001, 'Phường Sài Gòn', 1442, '20107'),
  ward(1003573, 1000001, 'Phường Bến Thành', 1442, '20109'),
  ward(1003574, 1000001, 'Phường Tân Định', 1442, '20112'),
  ward(1003590, 1000001, 'Phường Xuân Hòa', 1444, '20314'),
  ward(1003591, 1000001, 'Phường Bàn Cờ', 1444, '20302'),
  ward(1003612, 1000001, 'Phường Tân Bình', 1455, '21113'),
  // A ward GHN has not opened for delivery yet (status 2): listed, but orders to it are refused.
  ward(1003699, 1000001, 'Đặc khu Côn Đảo', undefined, undefined, 2),
  ward(1002310, 1000002, 'Phường Gia Viên', 1588, '030712'),
  ward(1005101, 1000003, 'Phường Hải Châu', 1526, '40101'),
  ward(1006203, 1000004, 'Phường An Khánh', 1572, '550107'),
  ward(1004402, 1000005, 'Phường Thuận Hóa', 1585, '460112'),
  ward(1007105, 1000006, 'Phường Nha Trang', 1543, '570111'),
  ward(1004010, 1000007, 'Phường Vinh Phú', 1553, '400120'),
  ward(1008120, 1000008, 'Phường Long Xuyên', 1559, '510102'),
  ward(1007550, 1000009, 'Phường Trấn Biên', 1536, '480116'),
];
