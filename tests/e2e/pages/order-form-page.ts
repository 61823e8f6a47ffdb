import { expect, type Page } from '@playwright/test';
import { typeInto } from './field-keys.js';

export interface ManualOrder {
  buyerName: string;
  buyerPhone: string;
  lines: { sku: string; quantity: number }[];
  street: string;
  ward: string;
  province: string;
}

/** The manual order form: Alt+N anywhere opens it, Ctrl+Enter saves. */
export class OrderFormPage {
  constructor(readonly page: Page) {}

  async create(order: ManualOrder): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('heading', { level: 1, name: 'Tạo đơn thủ công' })).toBeVisible();
    // Focus starts in "find an existing customer"; Tab goes on to the new buyer's name and phone.
    await expect(page.getByRole('combobox', { name: 'Tìm khách hàng cũ' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Tên khách')).toBeFocused();
    await page.keyboard.type(order.buyerName);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Số điện thoại', { exact: true })).toBeFocused();
    await page.keyboard.type(order.buyerPhone);
    await page.keyboard.press('Tab');

    // Search a variant, Enter adds it and moves to its quantity, Enter goes back to the search.
    const search = page.getByRole('combobox', { name: 'Thêm sản phẩm' });
    await expect(search).toBeFocused();
    for (const line of order.lines) {
      await page.keyboard.type(line.sku);
      await expect(page.getByRole('option', { name: new RegExp(`^${line.sku} `) })).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Enter');
      const qty = page.getByLabel(`Số lượng ${line.sku}`);
      await expect(qty).toBeFocused();
      await page.keyboard.type(String(line.quantity));
      await page.keyboard.press('Enter');
      await expect(search).toBeFocused();
    }

    await typeInto(page, page.getByLabel('Số nhà, đường'), order.street);
    await page.keyboard.press('Tab');
    await page.keyboard.type(order.ward);
    await page.keyboard.press('Tab');
    await page.keyboard.type(order.province);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Tạo đơn thủ công' })).toBeHidden();
  }
}
