import { expect, type Locator, type Page } from '@playwright/test';
import { ScannerDriver } from './scanner-page.js';

/** Pick lists: list, create and detail screens, driven by keys. */
export class PickListsPage {
  private readonly scanner: ScannerDriver;
  constructor(readonly page: Page) {
    this.scanner = new ScannerDriver(page);
  }

  /** G L opens the pick lists; N starts a new one. */
  async openCreate(): Promise<void> {
    await this.page.keyboard.press('g');
    await this.page.keyboard.press('l');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Phiếu lấy hàng' })).toBeVisible();
    await this.page.keyboard.press('n');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Tạo phiếu lấy hàng' })).toBeVisible();
  }

  get candidates(): Locator {
    return this.page.getByRole('table', { name: 'Đơn chờ đóng gói' }).locator('tbody tr');
  }

  get selectedCount(): Locator {
    return this.page.locator('.pick-toolbar [role="status"]');
  }

  get totals(): Locator {
    return this.page.locator('.pick-totals');
  }

  /** A scanner burst (trusted key events at scanner pace, then Enter). */
  scan(code: string): Promise<void> {
    return this.scanner.scan(code);
  }

  /** Bins of the "items to pick" table, top to bottom (empty string for none). */
  async bins(): Promise<string[]> {
    const cells = this.page.getByRole('table', { name: 'Các mã hàng cần lấy, theo vị trí' }).locator('tbody tr td:first-child');
    return (await cells.allInnerTexts()).map((s) => s.trim());
  }
}
