import { expect, type Locator, type Page } from '@playwright/test';

/** The order list: search, status tabs, the keyboard grid. */
export class OrdersPage {
  constructor(readonly page: Page) {}

  get grid(): Locator {
    return this.page.locator('[data-orders-grid]');
  }

  get rows(): Locator {
    return this.grid.locator('[role="row"][aria-rowindex]:not(.og-head):not(.og-placeholder)');
  }

  /** "31 đơn" in the header, as a number. */
  async total(): Promise<number> {
    const text = await this.page.locator('.page-subtitle').innerText();
    return Number(text.replace(/\D/g, ''));
  }

  async waitForRows(): Promise<void> {
    await expect(this.rows.first()).toBeVisible();
  }

  /** "/" focuses the search box; typing filters; Enter hands the focus to the grid. */
  async search(text: string): Promise<void> {
    await this.page.keyboard.press('/');
    await expect(this.page.getByRole('searchbox', { name: 'Tìm đơn' })).toBeFocused();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await expect(this.grid).toBeFocused();
  }

  /** Status tabs are toggle buttons; focus() stands in for the Tabs to reach one, Space presses it. */
  async filterStatus(label: string): Promise<number> {
    const tab = this.page.getByRole('group', { name: 'Lọc theo trạng thái' }).getByRole('button', { name: label });
    const count = Number((await tab.locator('.status-count').innerText()).replace(/\D/g, ''));
    await tab.focus();
    await this.page.keyboard.press('Space');
    await expect(tab).toHaveAttribute('aria-pressed', 'true');
    return count;
  }

  /** With the grid focused: ↓ `down` times from the top, then Enter. Returns the order number. */
  async openByKeyboard(down = 0): Promise<string> {
    await this.grid.focus();
    await this.page.keyboard.press('Home');
    for (let i = 0; i < down; i++) await this.page.keyboard.press('ArrowDown');
    const id = await this.grid.getAttribute('aria-activedescendant');
    const number = await this.page.locator(`#${id} .og-number`).innerText();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { level: 1, name: number })).toBeVisible();
    return number;
  }
}
