// A small category tree with attributes, some mandatory, for get_category / get_attributes and the
// add_item checks. Names are Vietnamese display names with their English originals. [?] shapes follow
// the v2.product.get_category / get_attributes references (not in the spec sheet).

export interface Attribute {
  attributeId: number;
  name: string;
  displayName: string;
  mandatory: boolean;
  /** DROP_DOWN: value_id from `values`; TEXT_FILED: free text (Shopee's own spelling). */
  inputType: 'DROP_DOWN' | 'TEXT_FILED';
  values: { valueId: number; name: string; displayName: string }[];
}

export interface Category {
  categoryId: number;
  parentId: number;
  name: string;
  displayName: string;
  hasChildren: boolean;
  attributes: Attribute[];
}

const brand: Attribute = {
  attributeId: 100037,
  name: 'Brand',
  displayName: 'Thương hiệu',
  mandatory: true,
  inputType: 'DROP_DOWN',
  values: [
    { valueId: 0, name: 'No brand', displayName: 'Không thương hiệu' },
    { valueId: 1146, name: 'Packdesk Home', displayName: 'Packdesk Home' },
  ],
};
const material: Attribute = {
  attributeId: 100134,
  name: 'Material',
  displayName: 'Chất liệu',
  mandatory: true,
  inputType: 'DROP_DOWN',
  values: [
    { valueId: 2210, name: 'Cotton', displayName: 'Cotton' },
    { valueId: 2211, name: 'Linen', displayName: 'Vải lanh' },
    { valueId: 2212, name: 'Ceramic', displayName: 'Gốm sứ' },
  ],
};
const origin: Attribute = {
  attributeId: 100010,
  name: 'Country of Origin',
  displayName: 'Xuất xứ',
  mandatory: false,
  inputType: 'TEXT_FILED',
  values: [],
};
const expiry: Attribute = {
  attributeId: 100999,
  name: 'Shelf Life',
  displayName: 'Hạn sử dụng',
  mandatory: true,
  inputType: 'TEXT_FILED',
  values: [],
};

export const CATEGORIES: readonly Category[] = [
  { categoryId: 100011, parentId: 0, name: "Women's Apparel", displayName: 'Thời Trang Nữ', hasChildren: true, attributes: [] },
  { categoryId: 100351, parentId: 100011, name: 'T-shirts', displayName: 'Áo thun', hasChildren: false, attributes: [brand, material, origin] },
  { categoryId: 100636, parentId: 0, name: 'Home & Living', displayName: 'Nhà Cửa & Đời Sống', hasChildren: true, attributes: [] },
  { categoryId: 100718, parentId: 100636, name: 'Dinnerware', displayName: 'Bát đĩa', hasChildren: false, attributes: [brand, material, origin] },
  { categoryId: 100629, parentId: 0, name: 'Food & Beverages', displayName: 'Thực Phẩm Và Đồ Uống', hasChildren: true, attributes: [] },
  { categoryId: 100780, parentId: 100629, name: 'Coffee', displayName: 'Cà phê', hasChildren: false, attributes: [brand, origin, expiry] },
];

export const categoryById = (id: number): Category | undefined => CATEGORIES.find((c) => c.categoryId === id);
