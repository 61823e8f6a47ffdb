import { expect, type Page } from '@playwright/test';

// The stock screen's count adjustment (Alt+4, search, ↓ into the list, Enter): "we counted N".

export class StockAdjustDialog {
  constructor(readonly page: Page) {}

  dialog(sku: string) {
    return this.page.getByRole('dialog', { name: `Điều chỉnh tồn · ${sku}` });
  }

  /** Filters the stock list down to `sku` (the list pages by 100: the row may not be on the first page). */
  async search(sku: string): Promise<void> {
    const search = this.page.getByLabel('Tìm hàng');
    await search.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(sku);
    await expect(this.row(sku)).toBeVisible();
  }

  row(sku: string) {
    return this.page.getByRole('row', { name: new RegExp(`^${sku} `) });
  }

  /** From the search box: ↓ into the list, Enter opens the adjustment, a count of `counted` is saved. */
  async count(sku: string, counted: number, reason: string): Promise<void> {
    await this.page.getByLabel('Tìm hàng').focus();
    await this.page.keyboard.press('ArrowDown');
    await expect(this.row(sku)).toBeFocused();
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
