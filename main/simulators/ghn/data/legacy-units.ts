// GHN's legacy three-level master data (province → district → ward) for the demo geography.
// Field names and types are GHN's: PascalCase, WardCode a string (some with a leading zero, some
// alphanumeric). Ids 201/202, 1442 and "20109" are GHN's real ones; the rest are stable stand-ins.

export type Region = 'north' | 'central' | 'south';

export interface GhnProvince {
  ProvinceID: number;
  ProvinceName: string;
  Code: string;
  NameExtension: string[];
  Status: 1 | 2;
  CanUpdateCOD: boolean;
  /** Simulator-only: drives fee and lead time; never sent. */
  region: Region;
}

export interface GhnDistrict {
  DistrictID: number;
  ProvinceID: number;
  DistrictName: string;
  Code: string;
  Type: number;
  SupportType: 0 | 1 | 2 | 3;
  NameExtension: string[];
  Status: 1 | 2;
  CanUpdateCOD: boolean;
}

export interface GhnWard {
  WardCode: string;
  DistrictID: number;
  WardName: string;
  NameExtension: string[];
  SupportType: 0 | 1 | 2 | 3;
  Status: 1 | 2;
  CanUpdateCOD: boolean;
}

export const GHN_PROVINCES: readonly GhnProvince[] = [
  { ProvinceID: 201, ProvinceName: 'Hà Nội', Code: '4', NameExtension: ['Hà Nội', 'TP.Hà Nội', 'TP. Hà Nội', 'Thành phố Hà Nội', 'HN', 'Ha Noi'], Status: 1, CanUpdateCOD: false, region: 'north' },
  { ProvinceID: 202, ProvinceName: 'Hồ Chí Minh', Code: '8', NameExtension: ['Hồ Chí Minh', 'TP.Hồ Chí Minh', 'TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'TP HCM', 'HCM', 'Sài Gòn'], Status: 1, CanUpdateCOD: false, region: 'south' },
  { ProvinceID: 203, ProvinceName: 'Đà Nẵng', Code: '511', NameExtension: ['Đà Nẵng', 'TP. Đà Nẵng', 'Thành phố Đà Nẵng', 'DN'], Status: 1, CanUpdateCOD: false, region: 'central' },
  { ProvinceID: 204, ProvinceName: 'Đồng Nai', Code: '61', NameExtension: ['Đồng Nai', 'Tỉnh Đồng Nai', 'T.Đồng Nai'], Status: 1, CanUpdateCOD: false, region: 'south' },
  { ProvinceID: 217, ProvinceName: 'An Giang', Code: '76', NameExtension: ['An Giang', 'Tỉnh An Giang', 'T.An Giang'], Status: 1, CanUpdateCOD: false, region: 'south' },
  { ProvinceID: 220, ProvinceName: 'Cần Thơ', Code: '710', NameExtension: ['Cần Thơ', 'TP. Cần Thơ', 'Thành phố Cần Thơ'], Status: 1, CanUpdateCOD: false, region: 'south' },
  { ProvinceID: 224, ProvinceName: 'Hải Phòng', Code: '31', NameExtension: ['Hải Phòng', 'TP. Hải Phòng', 'Thành phố Hải Phòng', 'HP'], Status: 1, CanUpdateCOD: false, region: 'north' },
  { ProvinceID: 241, ProvinceName: 'Nghệ An', Code: '38', NameExtension: ['Nghệ An', 'Tỉnh Nghệ An', 'T.Nghệ An'], Status: 1, CanUpdateCOD: false, region: 'central' },
  { ProvinceID: 244, ProvinceName: 'Khánh Hòa', Code: '58', NameExtension: ['Khánh Hòa', 'Tỉnh Khánh Hòa', 'Khánh Hoà'], Status: 1, CanUpdateCOD: false, region: 'central' },
  { ProvinceID: 268, ProvinceName: 'Thừa Thiên - Huế', Code: '54', NameExtension: ['Thừa Thiên Huế', 'Thừa Thiên - Huế', 'TT Huế', 'Tỉnh Thừa Thiên Huế', 'Huế'], Status: 1, CanUpdateCOD: false, region: 'central' },
];

const district = (DistrictID: number, ProvinceID: number, DistrictName: string, Code: string, Type: number, NameExtension: string[]): GhnDistrict => ({
  DistrictID,
  ProvinceID,
  DistrictName,
  Code,
  Type,
  SupportType: 3,
  NameExtension,
  Status: 1,
  CanUpdateCOD: false,
});

export const GHN_DISTRICTS: readonly GhnDistrict[] = [
  district(1442, 202, 'Quận 1', '0201', 1, ['Quận 1', 'Q1', 'Q.1', 'Quận Nhất', 'District 1']),
  district(1444, 202, 'Quận 3', '0203', 1, ['Quận 3', 'Q3', 'Q.3', 'District 3']),
  district(1455, 202, 'Quận Tân Bình', '0214', 1, ['Quận Tân Bình', 'Tân Bình', 'Q.Tân Bình', 'Q Tân Bình']),
  district(1485, 201, 'Quận Cầu Giấy', '1A08', 1, ['Quận Cầu Giấy', 'Cầu Giấy', 'Q.Cầu Giấy']),
  district(1493, 201, 'Quận Thanh Xuân', '1A16', 1, ['Quận Thanh Xuân', 'Thanh Xuân', 'Q.Thanh Xuân']),
  district(1526, 203, 'Quận Hải Châu', '4001', 1, ['Quận Hải Châu', 'Hải Châu', 'Q.Hải Châu']),
  district(1536, 204, 'Thành phố Biên Hòa', '4801', 2, ['Thành phố Biên Hòa', 'Biên Hòa', 'TP. Biên Hòa', 'TP.Biên Hòa']),
  district(1543, 244, 'Thành phố Nha Trang', '5701', 2, ['Thành phố Nha Trang', 'Nha Trang', 'TP. Nha Trang', 'TP.Nha Trang']),
  district(1553, 241, 'Thành phố Vinh', '3801', 2, ['Thành phố Vinh', 'Vinh', 'TP. Vinh', 'TP.Vinh']),
  district(1559, 217, 'Thành phố Long Xuyên', '5101', 2, ['Thành phố Long Xuyên', 'Long Xuyên', 'TP. Long Xuyên']),
  district(1572, 220, 'Quận Ninh Kiều', '5501', 1, ['Quận Ninh Kiều', 'Ninh Kiều', 'Q.Ninh Kiều']),
  district(1585, 268, 'Thành phố Huế', '4601', 2, ['Thành phố Huế', 'TP. Huế', 'TP.Huế', 'Huế']),
  district(1588, 224, 'Quận Ngô Quyền', '0307', 1, ['Quận Ngô Quyền', 'Ngô Quyền', 'Q.Ngô Quyền']),
];

const ward = (WardCode: string, DistrictID: number, WardName: string, NameExtension: string[], locked = false): GhnWard => ({
  WardCode,
  DistrictID,
  WardName,
  NameExtension,
  SupportType: locked ? 0 : 3,
  Status: locked ? 2 : 1,
  CanUpdateCOD: false,
});

export const GHN_WARDS: readonly GhnWard[] = [
  ward('20105', 1442, 'Phường Đa Kao', ['Phường Đa Kao', 'P.Đa Kao', 'Đa Kao']),
  ward('20107', 1442, 'Phường Bến Nghé', ['Phường Bến Nghé', 'P.Bến Nghé', 'Bến Nghé']),
  ward('20109', 1442, 'Phường Bến Thành', ['Phường Bến Thành', 'P.Bến Thành', 'Bến Thành']),
  // Merged away in the 2025 reform; GHN locks such codes instead of deleting them.
  ward('20110', 1442, 'Phường Nguyễn Thái Bình', ['Phường Nguyễn Thái Bình', 'P.Nguyễn Thái Bình'], true),
  ward('20111', 1442, 'Phường Phạm Ngũ Lão', ['Phường Phạm Ngũ Lão', 'P.Phạm Ngũ Lão', 'Phạm Ngũ Lão']),
  ward('20112', 1442, 'Phường Tân Định', ['Phường Tân Định', 'P.Tân Định', 'Tân Định']),
  ward('20302', 1444, 'Phường 2', ['Phường 2', 'P.2', 'Phường 02', 'P2']),
  ward('20304', 1444, 'Phường 4', ['Phường 4', 'P.4', 'Phường 04', 'P4']),
  ward('20314', 1444, 'Phường Võ Thị Sáu', ['Phường Võ Thị Sáu', 'P.Võ Thị Sáu', 'Võ Thị Sáu']),
  ward('21113', 1455, 'Phường 13', ['Phường 13', 'P.13', 'P13']),
  ward('21114', 1455, 'Phường 14', ['Phường 14', 'P.14', 'P14']),
  ward('1A0803', 1485, 'Phường Dịch Vọng', ['Phường Dịch Vọng', 'P.Dịch Vọng', 'Dịch Vọng']),
  ward('1A0807', 1485, 'Phường Quan Hoa', ['Phường Quan Hoa', 'P.Quan Hoa', 'Quan Hoa']),
  ward('1A1606', 1493, 'Phường Khương Trung', ['Phường Khương Trung', 'P.Khương Trung', 'Khương Trung']),
  ward('1A1610', 1493, 'Phường Thanh Xuân Trung', ['Phường Thanh Xuân Trung', 'P.Thanh Xuân Trung', 'Thanh Xuân Trung']),
  ward('40101', 1526, 'Phường Hải Châu I', ['Phường Hải Châu I', 'Phường Hải Châu 1', 'P.Hải Châu 1', 'Hải Châu I']),
  ward('40102', 1526, 'Phường Hải Châu II', ['Phường Hải Châu II', 'Phường Hải Châu 2', 'P.Hải Châu 2', 'Hải Châu II']),
  ward('480116', 1536, 'Phường Quyết Thắng', ['Phường Quyết Thắng', 'P.Quyết Thắng', 'Quyết Thắng']),
  ward('480117', 1536, 'Phường Thanh Bình', ['Phường Thanh Bình', 'P.Thanh Bình', 'Thanh Bình']),
  ward('570104', 1543, 'Phường Vạn Thạnh', ['Phường Vạn Thạnh', 'P.Vạn Thạnh', 'Vạn Thạnh']),
  ward('570111', 1543, 'Phường Lộc Thọ', ['Phường Lộc Thọ', 'P.Lộc Thọ', 'Lộc Thọ']),
  ward('400104', 1553, 'Phường Hưng Bình', ['Phường Hưng Bình', 'P.Hưng Bình', 'Hưng Bình']),
  ward('400120', 1553, 'Phường Hưng Phúc', ['Phường Hưng Phúc', 'P.Hưng Phúc', 'Hưng Phúc']),
  ward('510101', 1559, 'Phường Mỹ Bình', ['Phường Mỹ Bình', 'P.Mỹ Bình', 'Mỹ Bình']),
  ward('510102', 1559, 'Phường Mỹ Long', ['Phường Mỹ Long', 'P.Mỹ Long', 'Mỹ Long']),
  ward('550101', 1572, 'Phường Cái Khế', ['Phường Cái Khế', 'P.Cái Khế', 'Cái Khế']),
  ward('550107', 1572, 'Phường An Khánh', ['Phường An Khánh', 'P.An Khánh', 'An Khánh']),
  ward('460108', 1585, 'Phường Phú Hội', ['Phường Phú Hội', 'P.Phú Hội', 'Phú Hội']),
  ward('460112', 1585, 'Phường Vĩnh Ninh', ['Phường Vĩnh Ninh', 'P.Vĩnh Ninh', 'Vĩnh Ninh']),
  ward('030705', 1588, 'Phường Lạch Tray', ['Phường Lạch Tray', 'P.Lạch Tray', 'Lạch Tray']),
  // The leading zero is the point: a client that parses WardCode as a number sends "30712" and misses.
  ward('030712', 1588, 'Phường Gia Viên', ['Phường Gia Viên', 'P.Gia Viên', 'Gia Viên']),
];
