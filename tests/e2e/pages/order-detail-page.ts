import { expect, type Locator, type Page } from '@playwright/test';

/** One order: header, lines with stock state, actions and the history. */
export class OrderDetailPage {
  constructor(readonly page: Page) {}

  get header(): Locator {
    return this.page.locator('.page-header');
  }

  async expectStatus(label: string): Promise<void> {
    await expect(this.header.locator('.badge').first()).toHaveText(label);
  }

  line(sku: string): Locator {
    return this.page.getByRole('table', { name: 'Sản phẩm' }).getByRole('row').filter({ hasText: sku });
  }

  /** "X" opens the cancel dialog; the reason box has the focus; Enter confirms. */
  async cancel(reason: string): Promise<void> {
    await this.page.keyboard.press('x');
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Lý do hủy')).toBeFocused();
    await this.page.keyboard.type(reason);
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }

  get timeline(): Locator {
    return this.page.getByRole('list', { name: 'Lịch sử đơn' });
  }
}
