// A small category tree with attributes, some mandatory, for get_category / get_attributes and the
// add_item checks. Names are Vietnamese display names with their English originals. [?] shapes follow
// the v2.product.get_category / get_attributes references (not in the spec sheet).

export type AttributeInputType = 'DROP_DOWN' | 'COMBO_BOX' | 'MULTIPLE_SELECT' | 'TEXT_FILED';

export interface Attribute {
  attributeId: number;
  name: string;
  displayName: string;
  mandatory: boolean;
  /**
   * DROP_DOWN: one value_id from `values`; COMBO_BOX: one value_id from `values` or a text of the
   * seller's own; MULTIPLE_SELECT: one or more value_ids from `values`; TEXT_FILED: free text
   * (Shopee's own spelling).
   */
  inputType: AttributeInputType;
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

const style: Attribute = {
  attributeId: 100064,
  name: 'Style',
  displayName: 'Phong cách',
  mandatory: false,
  inputType: 'COMBO_BOX',
  values: [
    { valueId: 3301, name: 'Basic', displayName: 'Cơ bản' },
    { valueId: 3302, name: 'Vintage', displayName: 'Cổ điển' },
  ],
};
const occasion: Attribute = {
  attributeId: 100088,
  name: 'Occasion',
  displayName: 'Dịp',
  mandatory: false,
  inputType: 'MULTIPLE_SELECT',
  values: [
    { valueId: 4401, name: 'Daily', displayName: 'Hằng ngày' },
    { valueId: 4402, name: 'Party', displayName: 'Tiệc' },
    { valueId: 4403, name: 'Gift', displayName: 'Quà tặng' },
  ],
};

export const CATEGORIES: readonly Category[] = [
  { categoryId: 100011, parentId: 0, name: "Women's Apparel", displayName: 'Thời Trang Nữ', hasChildren: true, attributes: [] },
  { categoryId: 100351, parentId: 100011, name: 'T-shirts', displayName: 'Áo thun', hasChildren: false, attributes: [brand, material, origin, style, occasion] },
  { categoryId: 100636, parentId: 0, name: 'Home & Living', displayName: 'Nhà Cửa & Đời Sống', hasChildren: true, attributes: [] },
  { categoryId: 100718, parentId: 100636, name: 'Dinnerware', displayName: 'Bát đĩa', hasChildren: false, attributes: [brand, material, origin, occasion] },
  { categoryId: 100629, parentId: 0, name: 'Food & Beverages', displayName: 'Thực Phẩm Và Đồ Uống', hasChildren: true, attributes: [] },
  { categoryId: 100780, parentId: 100629, name: 'Coffee', displayName: 'Cà phê', hasChildren: false, attributes: [brand, origin, expiry] },
];

export const categoryById = (id: number): Category | undefined => CATEGORIES.find((c) => c.categoryId === id);
