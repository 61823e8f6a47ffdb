import { expect, type Page } from '@playwright/test';

// The stock screen's count adjustment (Alt+4, search, ↓ into the list, Enter): "we counted N".

export class StockAdjustDialog {
  constructor(readonly page: Page) {}

  dialog(sku: string) {
    return this.page.getByRole('dialog', { name: `Điều chỉnh tồn · ${sku}` });
  }

  /** Opens the adjustment of `sku` in the shown warehouse and saves a count of `counted`. */
  async count(sku: string, counted: number, reason: string): Promise<void> {
    const search = this.page.getByLabel('Tìm hàng');
    await search.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(sku);
    const row = this.page.getByRole('row', { name: new RegExp(`^${sku} `) });
    await expect(row).toBeVisible();
    await this.page.keyboard.press('ArrowDown');
    await expect(row).toBeFocused();
    await this.page.keyboard.press('Enter');
    const dialog = this.dialog(sku);
    await expect(dialog.getByLabel('Số lượng đếm được')).toBeFocused();
    await this.page.keyboard.type(String(counted));
    await this.page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Lý do')).toBeFocused();
    await this.page.keyboard.type(reason);
    await this.page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
  }
}
