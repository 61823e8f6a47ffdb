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

/** An attribute from its ids and names; values as [value_id, English name, Vietnamese name]. */
const attribute = (attributeId: number, name: string, displayName: string, mandatory: boolean, inputType: AttributeInputType, values: [number, string, string][] = []): Attribute => ({
  attributeId,
  name,
  displayName,
  mandatory,
  inputType,
  values: values.map(([valueId, n, d]) => ({ valueId, name: n, displayName: d })),
});

const brand = attribute(100037, 'Brand', 'Thương hiệu', true, 'DROP_DOWN', [[0, 'No brand', 'Không thương hiệu'], [1146, 'Packdesk Home', 'Packdesk Home']]);
const material = attribute(100134, 'Material', 'Chất liệu', true, 'DROP_DOWN', [[2210, 'Cotton', 'Cotton'], [2211, 'Linen', 'Vải lanh'], [2212, 'Ceramic', 'Gốm sứ']]);
const origin = attribute(100010, 'Country of Origin', 'Xuất xứ', false, 'TEXT_FILED');
const expiry = attribute(100999, 'Shelf Life', 'Hạn sử dụng', true, 'TEXT_FILED');
const style = attribute(100064, 'Style', 'Phong cách', false, 'COMBO_BOX', [[3301, 'Basic', 'Cơ bản'], [3302, 'Vintage', 'Cổ điển']]);
const occasion = attribute(100088, 'Occasion', 'Dịp', false, 'MULTIPLE_SELECT', [[4401, 'Daily', 'Hằng ngày'], [4402, 'Party', 'Tiệc'], [4403, 'Gift', 'Quà tặng']]);

export const CATEGORIES: readonly Category[] = [
  { categoryId: 100011, parentId: 0, name: "Women's Apparel", displayName: 'Thời Trang Nữ', hasChildren: true, attributes: [] },
  { categoryId: 100351, parentId: 100011, name: 'T-shirts', displayName: 'Áo thun', hasChildren: false, attributes: [brand, material, origin, style, occasion] },
  { categoryId: 100636, parentId: 0, name: 'Home & Living', displayName: 'Nhà Cửa & Đời Sống', hasChildren: true, attributes: [] },
  { categoryId: 100718, parentId: 100636, name: 'Dinnerware', displayName: 'Bát đĩa', hasChildren: false, attributes: [brand, material, origin, occasion] },
  { categoryId: 100629, parentId: 0, name: 'Food & Beverages', displayName: 'Thực Phẩm Và Đồ Uống', hasChildren: true, attributes: [] },
  { categoryId: 100780, parentId: 100629, name: 'Coffee', displayName: 'Cà phê', hasChildren: false, attributes: [brand, origin, expiry] },
];

export const categoryById = (id: number): Category | undefined => CATEGORIES.find((c) => c.categoryId === id);
