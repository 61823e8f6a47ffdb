import { expect, type Locator, type Page } from '@playwright/test';
import { typeInto } from './field-keys.js';

export interface NewCustomer {
  name: string;
  phone: string;
  street: string;
  ward: string;
  province: string;
}

/** Customer list, form and detail (address book). */
export class CustomersPage {
  constructor(readonly page: Page) {}

  /** Alt+C opens the form with the name focused; Tab to the phone; Ctrl+Enter saves. */
  async create(c: NewCustomer): Promise<void> {
    const { page } = this;
    await expect(page.getByRole('heading', { level: 1, name: 'Khách hàng' })).toBeVisible();
    await page.keyboard.press('Alt+C');
    await expect(page.getByLabel('Họ tên')).toBeFocused();
    await page.keyboard.type(c.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(c.phone);
    await typeInto(page, page.getByLabel('Số nhà, đường'), c.street);
    await page.keyboard.press('Tab');
    await page.keyboard.type(c.ward);
    await page.keyboard.press('Tab');
    await page.keyboard.type(c.province);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('heading', { level: 1, name: c.name })).toBeVisible();
  }

  get addresses(): Locator {
    return this.page.getByRole('region', { name: 'Sổ địa chỉ' }).getByRole('listitem');
  }

  /** "A" opens the address dialog with the label focused. */
  async addAddress(label: string, street: string, ward: string, province: string): Promise<void> {
    const { page } = this;
    await page.keyboard.press('a');
    const dialog = page.getByRole('dialog', { name: 'Thêm địa chỉ' });
    await expect(dialog.getByLabel('Tên gợi nhớ')).toBeFocused();
    await page.keyboard.type(label);
    await typeInto(page, dialog.getByLabel('Số nhà, đường'), street);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ward);
    await page.keyboard.press('Tab');
    await page.keyboard.type(province);
    await page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
  }

  async removeAddress(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Xóa địa chỉ ${label}` }).focus();
    await this.page.keyboard.press('Enter');
  }
}
