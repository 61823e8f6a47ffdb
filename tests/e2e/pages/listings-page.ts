import { expect, type Page } from '@playwright/test';

// "Sản phẩm trên sàn" (/listings, G Y): one Shopee shop's listings linked to variants, "Lấy sản phẩm
// từ Shopee" (Alt+R) with its preview, and the stock push log.

const num = (text: string) => Number(text.replace(/\D/g, ''));

export class ListingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('g');
    await this.page.keyboard.press('y');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sản phẩm trên sàn' })).toBeVisible();
  }

  /** The shop whose option (its Shopee name, or the account's name while Shopee gave none) matches. */
  async chooseShop(name: RegExp): Promise<void> {
    const select = this.page.getByRole('combobox', { name: 'Shop' });
    await expect(select.getByRole('option', { name })).toHaveCount(1);
    const label = (await select.getByRole('option', { name }).textContent())!;
    await select.focus();
    await select.selectOption({ label });
    await expect(select.getByRole('option', { name, selected: true })).toHaveCount(1);
  }

  get table() {
    return this.page.getByRole('table', { name: 'Sản phẩm trên sàn' });
  }

  row(sku: string) {
    return this.table.getByRole('row', { name: new RegExp(`^${sku} `) });
  }

  /** Alt+R, wait for the preview read from Shopee, Ctrl+Enter applies it. */
  async pull(expectSummary: RegExp): Promise<void> {
    await this.page.keyboard.press('Alt+R');
    const dialog = this.page.getByRole('dialog', { name: 'Lấy sản phẩm từ Shopee' });
    await expect(dialog.getByText(expectSummary)).toBeVisible({ timeout: 20_000 });
    await this.page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
  }

  /** The "Đã đẩy lần cuối" quantity of a listing, once it has been pushed. */
  async lastPushed(sku: string): Promise<number> {
    const headers = (await this.table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
    const cell = this.row(sku).getByRole('cell').nth(headers.indexOf('Đã đẩy lần cuối'));
    await expect(cell).not.toContainText('chưa đẩy', { timeout: 30_000 });
    return num((await cell.innerText()).split('\n')[0]);
  }

  get pushLog() {
    return this.page.getByRole('table', { name: 'Nhật ký đẩy tồn' });
  }

  /** A push-log line: the listing's SKU, why, the quantity sent and its result. */
  logLine(sku: string, reason: string, quantity: number, result = 'Thành công') {
    return this.pushLog.getByRole('row', { name: new RegExp(`${sku} .*${reason} ${quantity} .*${result}`) });
  }
}
