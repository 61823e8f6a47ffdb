import { expect, type Locator, type Page } from '@playwright/test';

export interface StockRow {
  onHand: number;
  reserved: number;
  available: number;
}

/** Engineer C's stock screen: one row per variant in the chosen warehouse. */
export class StockPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: /^Tồn kho / });
  }

  async levels(sku: string): Promise<StockRow> {
    await expect(this.table).toBeVisible();
    const headers = (await this.table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
    const row = this.table.getByRole('row', { name: new RegExp(`^${sku} `) });
    await expect(row).toBeVisible();
    const cells = await row.getByRole('cell').allInnerTexts();
    const at = (header: string) => Number(cells[headers.indexOf(header)].replace(/\D/g, ''));
    return { onHand: at('Tồn thực'), reserved: at('Đã giữ'), available: at('Khả dụng') };
  }

  /** Waits until the row shows `expected` (the screen refreshes on the core's stock event). */
  async expectLevels(sku: string, expected: StockRow): Promise<void> {
    await expect.poll(() => this.levels(sku)).toEqual(expected);
  }
}
