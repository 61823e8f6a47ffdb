import { expect, type Page } from '@playwright/test';
import { typeInto } from './field-keys.js';

export interface VariantSpec {
  sku: string;
  price: number;
  weightG: number;
  /** Opening stock in the one warehouse the test has. */
  stock: number;
}

/** Engineer C's product form: N on the product list opens it, Ctrl+S creates the product. */
export class ProductFormPage {
  constructor(readonly page: Page) {}

  async create(name: string, sku: string, warehouseCode: string, variants: readonly VariantSpec[]): Promise<void> {
    const { page } = this;
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm' })).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm mới' })).toBeVisible();
    await expect(page.getByLabel('Tên sản phẩm')).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Mã sản phẩm (SKU)')).toBeFocused();
    await page.keyboard.type(sku);

    for (let i = 0; i < variants.length; i++) {
      const n = i + 1;
      if (i > 0) {
        await page.getByRole('button', { name: 'Thêm phiên bản' }).focus();
        await page.keyboard.press('Enter');
      }
      const v = variants[i];
      await typeInto(page, page.getByLabel(`SKU (phiên bản ${n})`), v.sku);
      await typeInto(page, page.getByLabel(`Giá bán (phiên bản ${n})`), String(v.price));
      await typeInto(page, page.getByLabel(`KL (g) (phiên bản ${n})`), String(v.weightG));
      await typeInto(page, page.getByLabel(`Tồn ban đầu ${warehouseCode} (phiên bản ${n})`), String(v.stock));
    }
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('heading', { level: 1, name: 'Sản phẩm mới' })).toBeHidden();
  }
}
