import { expect, type Page } from '@playwright/test';

export interface DemoOperator {
  name: string;
  pin: string;
}

/** First run (demo shop or first admin) and the PIN sign-in. */
export class SignInPage {
  constructor(readonly page: Page) {}

  /** The demo button has the focus on first run: Enter starts the demo shop. */
  async startDemo(): Promise<DemoOperator[]> {
    const button = this.page.getByRole('button', { name: 'Bắt đầu với cửa hàng demo' });
    await expect(button).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible({ timeout: 30_000 });
    const rows = await this.page.locator('.operator-option').allInnerTexts();
    return rows.map((text) => {
      const [name] = text.split('\n');
      return { name: name.trim(), pin: /PIN\s+(\d+)/.exec(text)?.[1] ?? '' };
    });
  }

  /** Tab from the demo button to "create the first admin", then fill name and PIN twice. */
  async setupAdmin(name: string, pin: string): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Bắt đầu với cửa hàng demo' })).toBeFocused();
    await this.page.keyboard.press('Tab');
    await expect(this.page.getByRole('button', { name: 'Tạo quản trị viên đầu tiên' })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByLabel('Tên quản trị viên')).toBeFocused();
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }

  /** ↓ through the operator radios until `name` is checked, Tab to the PIN, type it, Enter. */
  async signIn(name: string, pin: string): Promise<void> {
    const radios = this.page.getByRole('radio');
    await expect(radios.first()).toBeFocused();
    const count = await radios.count();
    for (let i = 0; i < count; i++) {
      if (await this.page.getByRole('radio', { name, exact: false }).isChecked()) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await expect(this.page.getByRole('radio', { name, exact: false })).toBeChecked();
    await this.page.keyboard.press('Tab');
    await expect(this.page.getByLabel('Mã PIN')).toBeFocused();
    await this.page.keyboard.type(pin);
    await this.page.keyboard.press('Enter');
  }
}
