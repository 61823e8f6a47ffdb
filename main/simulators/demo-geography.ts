// The places the demo shop sells to, in both address schemes. Data only: the demo seed builds
// customer addresses from it, the address-mapping code can use it as a pinned sample, and both
// carrier simulators serve master data covering exactly these places (a unit test checks that).
//
// `province`/`ward` are the 2025 two-level units (Resolution 202/2025/QH15, in force 1 Jul 2025);
// `legacy` is the pre-reform three-level address of the main old ward that merged into it. The
// merges are many-to-one; `legacy` names one representative old ward, not the whole list.

export interface DemoPlace {
  /** Stable key for seeds and tests. */
  id: string;
  /** 2025 province-level unit as people write it. */
  province: string;
  /** 2025 commune-level unit. */
  ward: string;
  legacy: { province: string; district: string; ward: string };
  /** A street line that exists in that ward, for demo customer addresses. */
  street: string;
}

export const DEMO_PLACES: readonly DemoPlace[] = [
  {
    id: 'hcm-ben-thanh',
    province: 'TP. Hồ Chí Minh',
    ward: 'Phường Bến Thành',
    legacy: { province: 'TP. Hồ Chí Minh', district: 'Quận 1', ward: 'Phường Bến Thành' },
    street: '45 Lê Thánh Tôn',
  },
  {
    id: 'hcm-xuan-hoa',
    province: 'TP. Hồ Chí Minh',
    ward: 'Phường Xuân Hòa',
    legacy: { province: 'TP. Hồ Chí Minh', district: 'Quận 3', ward: 'Phường Võ Thị Sáu' },
    street: '120 Nam Kỳ Khởi Nghĩa',
  },
  {
    id: 'hcm-tan-dinh',
    province: 'TP. Hồ Chí Minh',
    ward: 'Phường Tân Định',
    legacy: { province: 'TP. Hồ Chí Minh', district: 'Quận 1', ward: 'Phường Tân Định' },
    street: '18 Trần Quang Khải',
  },
  {
    id: 'hcm-ban-co',
    province: 'TP. Hồ Chí Minh',
    ward: 'Phường Bàn Cờ',
    legacy: { province: 'TP. Hồ Chí Minh', district: 'Quận 3', ward: 'Phường 2' },
    street: '302 Nguyễn Thiện Thuật',
  },
  {
    id: 'hcm-tan-binh',
    province: 'TP. Hồ Chí Minh',
    ward: 'Phường Tân Bình',
    legacy: { province: 'TP. Hồ Chí Minh', district: 'Quận Tân Bình', ward: 'Phường 13' },
    street: '56 Cộng Hòa',
  },
  {
    id: 'hn-thanh-xuan',
    province: 'Hà Nội',
    ward: 'Phường Thanh Xuân',
    legacy: { province: 'Hà Nội', district: 'Quận Thanh Xuân', ward: 'Phường Thanh Xuân Trung' },
    street: '88 Nguyễn Trãi',
  },
  {
    id: 'hn-cau-giay',
    province: 'Hà Nội',
    ward: 'Phường Cầu Giấy',
    legacy: { province: 'Hà Nội', district: 'Quận Cầu Giấy', ward: 'Phường Quan Hoa' },
    street: '25 Nguyễn Khánh Toàn',
  },
  {
    id: 'dn-hai-chau',
    province: 'Đà Nẵng',
    ward: 'Phường Hải Châu',
    legacy: { province: 'Đà Nẵng', district: 'Quận Hải Châu', ward: 'Phường Hải Châu I' },
    street: '74 Bạch Đằng',
  },
  {
    id: 'ct-an-khanh',
    province: 'Cần Thơ',
    ward: 'Phường An Khánh',
    legacy: { province: 'Cần Thơ', district: 'Quận Ninh Kiều', ward: 'Phường An Khánh' },
    street: '12 Nguyễn Văn Cừ',
  },
  {
    id: 'hp-gia-vien',
    province: 'Hải Phòng',
    ward: 'Phường Gia Viên',
    legacy: { province: 'Hải Phòng', district: 'Quận Ngô Quyền', ward: 'Phường Gia Viên' },
    street: '9 Lạch Tray',
  },
  {
    id: 'hue-thuan-hoa',
    province: 'Huế',
    ward: 'Phường Thuận Hóa',
    legacy: { province: 'Thừa Thiên Huế', district: 'Thành phố Huế', ward: 'Phường Vĩnh Ninh' },
    street: '3 Lê Lợi',
  },
  {
    id: 'kh-nha-trang',
    province: 'Khánh Hòa',
    ward: 'Phường Nha Trang',
    legacy: { province: 'Khánh Hòa', district: 'Thành phố Nha Trang', ward: 'Phường Lộc Thọ' },
    street: '60 Trần Phú',
  },
  {
    id: 'na-vinh-phu',
    province: 'Nghệ An',
    ward: 'Phường Vinh Phú',
    legacy: { province: 'Nghệ An', district: 'Thành phố Vinh', ward: 'Phường Hưng Phúc' },
    street: '27 Lê Hồng Phong',
  },
  {
    id: 'ag-long-xuyen',
    province: 'An Giang',
    ward: 'Phường Long Xuyên',
    legacy: { province: 'An Giang', district: 'Thành phố Long Xuyên', ward: 'Phường Mỹ Long' },
    street: '15 Hai Bà Trưng',
  },
  {
    id: 'dni-tran-bien',
    province: 'Đồng Nai',
    ward: 'Phường Trấn Biên',
    legacy: { province: 'Đồng Nai', district: 'Thành phố Biên Hòa', ward: 'Phường Quyết Thắng' },
    street: '101 Cách Mạng Tháng Tám',
  },
];

/** Where the demo shop's warehouse is (its GHN shop address and its Viettel Post store). */
export const DEMO_SHOP_PLACE_ID = 'hcm-ben-thanh';
