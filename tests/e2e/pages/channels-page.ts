import { expect, type Page } from '@playwright/test';

// "Kênh bán" (/channels, G A): shop accounts, the account form, the connect dialog and the sync health.
// Keyboard first, like the other page objects: focus() stands in for Tab counts, Enter activates.

export class ChannelsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.evaluate(() => ((globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.()));
    await this.page.keyboard.press('g');
    await this.page.keyboard.press('a');
    await expect(this.page.getByRole('heading', { name: /Kênh bán|Sales channels/ })).toBeVisible();
  }

  get table() {
    return this.page.getByRole('table', { name: /Danh sách gian hàng|Shop accounts/ });
  }

  row(name: string) {
    return this.table.getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')} `) });
  }

  get health() {
    return this.page.getByTestId('channel-health');
  }

  async press(button: ReturnType<Page['getByRole']>): Promise<void> {
    await button.focus();
    await this.page.keyboard.press('Enter');
  }

  /** The add / edit dialog. */
  get dialog() {
    return this.page.getByRole('dialog');
  }

  async fill(label: string | RegExp, value: string): Promise<void> {
    const field = this.dialog.getByLabel(label);
    await field.focus();
    await field.fill(value);
  }

  async createAccount(a: { name: string; baseUrl: string; partnerId: string; partnerKey: string }): Promise<void> {
    await this.press(this.page.getByRole('button', { name: 'Thêm tài khoản Shopee' }));
    await expect(this.dialog.getByLabel('Tên tài khoản')).toBeFocused();
    await this.page.keyboard.type(a.name);
    await this.dialog.getByLabel('Môi trường').selectOption('custom');
    await this.fill('Địa chỉ gốc (base URL)', a.baseUrl);
    await this.fill('Partner ID', a.partnerId);
    await this.fill('Partner Key', a.partnerKey);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }

  async baseUrlOf(name: string): Promise<string> {
    await this.press(this.page.getByRole('button', { name: `Sửa tài khoản ${name}` }));
    const url = await this.dialog.getByLabel('Địa chỉ gốc (base URL)').inputValue();
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toBeHidden();
    return url;
  }
}
