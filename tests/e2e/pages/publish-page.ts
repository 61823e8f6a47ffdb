import { expect, type Locator, type Page } from '@playwright/test';

// "Đăng lên Shopee" (/listings/publish/:productId): the category search, Shopee's attributes, images,
// shipping channels, the models grid, and "Đăng" (Ctrl+Enter) with its progress.

export class PublishPage {
  constructor(readonly page: Page) {}

  async expectOpen(product: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `Đăng lên Shopee: ${product}` })).toBeVisible();
  }

  async chooseCategory(search: string, option: RegExp): Promise<void> {
    const box = this.page.getByRole('combobox', { name: 'Ngành hàng' });
    await box.fill(search);
    await expect(this.page.getByRole('option', { name: option })).toBeVisible();
    await box.press('ArrowDown');
    await box.press('Enter');
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label);
  }

  async select(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label, exact: true }).selectOption({ label: option });
  }

  channel(name: string): Locator {
    return this.page.getByRole('checkbox', { name });
  }

  /** The error shown under a control (its aria-describedby), e.g. for "Chất liệu". */
  errorOf(control: Locator): Locator {
    return this.page.locator('.field.has-error', { has: control }).locator('.field-error');
  }

  async publish(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }

  get progress(): Locator {
    return this.page.getByRole('region', { name: 'Tiến trình đăng' });
  }
}
