import { expect, type Locator, type Page } from '@playwright/test';
import { typeInto } from './field-keys.js';

export interface GridSpec {
  name: string;
  sku: string;
  /** One attribute column and its values, e.g. Màu → Đỏ, Xanh. */
  attribute: string;
  values: readonly string[];
  price: number;
  weightG: number;
  warehouseCode: string;
  /** Opening stock and bin per generated variant, in the generator's order. */
  stock: readonly { quantity: number; bin?: string }[];
}

/**
 * The catalogue by keyboard: N opens the form, the variant generator turns attribute values into
 * rows, Ctrl+S saves. Buttons are reached with focus() in place of the Tab presses a user makes
 * (see app-shell.ts); nothing is clicked.
 */
export class ProductsPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Danh sách sản phẩm' });
  }

  private async press(button: string): Promise<void> {
    await this.page.getByRole('button', { name: button, exact: true }).focus();
    await this.page.keyboard.press('Enter');
  }

  async createWithGrid(spec: GridSpec): Promise<void> {
    const { page } = this;
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm' })).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm mới' })).toBeVisible();
    await expect(page.getByLabel('Tên sản phẩm')).toBeFocused();
    await page.keyboard.type(spec.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(spec.sku);

    // A new attribute column focuses its name box.
    await this.press('Thêm thuộc tính');
    await expect(page.getByLabel('Tên thuộc tính 1')).toBeFocused();
    await page.keyboard.type(spec.attribute);

    // The generator opens on the values box; shared price and weight follow it in tab order.
    await this.press('Tạo theo lưới…');
    await expect(page.getByLabel(`Các giá trị ${spec.attribute}`)).toBeFocused();
    await page.keyboard.type(spec.values.join(', '));
    await typeInto(page, page.getByLabel('Giá bán chung'), String(spec.price));
    await typeInto(page, page.getByLabel('KL chung (g)'), String(spec.weightG));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: `Phiên bản (${spec.values.length})` })).toBeVisible();

    for (let i = 0; i < spec.stock.length; i++) {
      const { quantity, bin } = spec.stock[i];
      await typeInto(page, page.getByLabel(`Tồn ban đầu ${spec.warehouseCode} (phiên bản ${i + 1})`), String(quantity));
      if (bin) await typeInto(page, page.getByLabel(`Vị trí ${spec.warehouseCode} (phiên bản ${i + 1})`), bin);
    }
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('heading', { level: 1, name: spec.name })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tồn kho theo kho' })).toBeVisible();
  }

  /** The generated SKU of the variant at `index` (1-based), as the saved form shows it. */
  async variantSku(index: number): Promise<string> {
    return this.page.getByLabel(`SKU (phiên bản ${index})`).inputValue();
  }

  /** The saved product's stock table: "available / on hand" and the bin for one SKU. */
  stockRow(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Tồn kho theo kho' }).getByRole('row').filter({ hasText: sku });
  }
}
