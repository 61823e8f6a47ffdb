import { expect, type Locator, type Page } from '@playwright/test';

/** The exceptions screen (Alt+0) and its rows' own actions, driven by keyboard. */
export class ExceptionsPage {
  constructor(readonly page: Page) {}

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Danh sách sự cố' });
  }

  /** The row of an order's exception. */
  row(orderNumber: string): Locator {
    return this.table.getByRole('row').filter({ hasText: orderNumber });
  }

  /** Focus stands in for the Tabs to a row's action; Enter presses it. Returns the dialog it opens. */
  async press(buttonName: string): Promise<void> {
    const button = this.page.getByRole('button', { name: buttonName, exact: true });
    await button.focus();
    await expect(button).toBeFocused();
    await this.page.keyboard.press('Enter');
  }

  dialog(name: string): Locator {
    return this.page.getByRole('dialog', { name });
  }
}
