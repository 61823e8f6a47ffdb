import { expect, type Locator, type Page } from '@playwright/test';

/** Jobs, exceptions, COD and carrier connections: the outbox and its consequences. */
export class ShippingScreens {
  constructor(readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** A filter tab ("Đã xong 12"): focus stands in for Tab, Space presses it. */
  async tab(group: string, label: string): Promise<void> {
    const tab = this.page.getByRole('group', { name: group }).getByRole('button', { name: new RegExp(`^${label}`) });
    await tab.focus();
    await this.page.keyboard.press('Space');
    await expect(tab).toHaveAttribute('aria-pressed', 'true');
  }

  table(name: string): Locator {
    return this.page.getByRole('table', { name });
  }

  /** The bulk bar's "Book shipments" with every selected order, one account and its first service. */
  async bulkBook(count: number, account: string): Promise<Locator> {
    const bar = this.page.getByRole('region', { name: 'Thao tác hàng loạt' });
    await bar.getByRole('button', { name: 'Đặt vận đơn' }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: `Đặt vận đơn cho ${count} đơn` });
    await expect(dialog.getByLabel('Tài khoản hãng')).toBeFocused();
    await expect(dialog.getByLabel('Tài khoản hãng').locator('option:checked')).toHaveText(account);
    await expect(dialog.getByLabel('Dịch vụ')).toBeVisible({ timeout: 20_000 });
    await this.page.keyboard.press('Control+Enter');
    return dialog;
  }
}
