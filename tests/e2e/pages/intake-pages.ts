import { expect, type Locator, type Page } from '@playwright/test';

// Order intake from a marketplace shop: the "Đồng bộ đơn hàng" panel of a shop (on Kênh bán) and
// "Cần ghép SKU" (/intake/unmapped, G X), where a listing matching no variant is mapped once.

export class SyncPanel {
  constructor(readonly page: Page, readonly scope: Locator = page.locator('body')) {}

  get panel() {
    return this.scope.getByRole('region', { name: 'Đồng bộ đơn hàng' });
  }

  get syncNow() {
    return this.panel.getByRole('button', { name: 'Đồng bộ ngay' });
  }

  /** The value next to a label of the panel ("Đơn nhận hôm nay", "Đơn chờ ghép SKU", …). */
  value(label: string): Locator {
    return this.panel.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  /**
   * "Đồng bộ ngay" until `arrived` holds. A press while the scheduler's own pull runs joins that pull,
   * which may have listed the shop's orders before the newest one was placed: then press again.
   */
  async syncUntil(arrived: () => Promise<void>, timeout = 60_000): Promise<void> {
    await expect(async () => {
      await expect(this.syncNow).toBeEnabled({ timeout: 15_000 });
      await this.syncNow.focus();
      await this.page.keyboard.press('Enter');
      await expect(this.syncNow).toBeEnabled({ timeout: 15_000 });
      await arrived();
    }).toPass({ timeout, intervals: [500, 1_000, 2_000] });
  }
}

export class UnmappedPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Cần ghép SKU' });
  }

  get table() {
    return this.page.getByRole('table', { name: 'Sản phẩm chờ ghép SKU' });
  }

  row(sku: string) {
    return this.table.getByRole('row', { name: new RegExp(` ${sku} `) });
  }

  /** Types into the row's variant search, waits for `option` among the results and picks it with Enter. */
  async map(sku: string, search: string, option: RegExp): Promise<void> {
    const picker = this.page.getByRole('combobox', { name: `Ghép ${sku} với biến thể` });
    await picker.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(search);
    const listbox = this.page.getByRole('listbox', { name: `Ghép ${sku} với biến thể` });
    await expect(listbox.getByRole('option', { name: option })).toBeVisible();
    const options = await listbox.getByRole('option').all();
    for (const o of options) {
      if (option.test((await o.getAttribute('aria-label')) ?? '')) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(listbox.getByRole('option', { name: option, selected: true })).toBeVisible();
    await this.page.keyboard.press('Enter');
  }
}
