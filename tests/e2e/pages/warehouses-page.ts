import { expect, type Page } from '@playwright/test';

/** Engineer C's warehouse screen, driven by keyboard: N opens the dialog, Ctrl+Enter saves. */
export class WarehousesPage {
  constructor(readonly page: Page) {}

  async create(code: string, name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Kho hàng' })).toBeVisible();
    await this.page.keyboard.press('n');
    const dialog = this.page.getByRole('dialog', { name: 'Thêm kho' });
    await expect(dialog.getByLabel('Mã kho')).toBeFocused();
    await this.page.keyboard.type(code);
    await this.page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Tên kho')).toBeFocused();
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Control+Enter');
    await expect(dialog).toBeHidden();
    await expect(this.page.getByRole('row', { name: new RegExp(`^${code} `) })).toBeVisible();
  }

}
