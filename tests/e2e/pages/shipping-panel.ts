import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The order page's shipping section: booking form (account, address check and picker, services),
 * then the shipment with its tracking number, label and actions. Keyboard only; `focus()` stands in
 * for the Tab presses that reach a control.
 */
export class ShippingPanel {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Vận chuyển' });
  }

  get account(): Locator {
    return this.section.getByLabel('Tài khoản hãng');
  }

  get services(): Locator {
    return this.section.getByRole('group', { name: 'Dịch vụ' });
  }

  get trackingNumber(): Locator {
    return this.section.locator('[data-tracking]');
  }

  get state(): Locator {
    return this.section.locator('.shipment-head .badge').first();
  }

  /** ↓/↑ on the focused account select until the wanted account is chosen. */
  async chooseAccount(name: string): Promise<void> {
    await this.account.focus();
    const options = await this.account.locator('option').allInnerTexts();
    const want = options.findIndex((o) => o.startsWith(name));
    expect(want, `account ${name} in ${options.join(', ')}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < options.length && !(await this.selectedAccount()).startsWith(name); i++) {
      await this.page.keyboard.press(want > (await this.selectedIndex()) ? 'ArrowDown' : 'ArrowUp');
    }
    expect(await this.selectedAccount()).toMatch(new RegExp(`^${name.replace(/[()]/g, '\\$&')}`));
  }

  private async selectedAccount(): Promise<string> {
    return this.account.evaluate((el) => (el as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text ?? '');
  }

  private async selectedIndex(): Promise<number> {
    return this.account.evaluate((el) => (el as unknown as { selectedIndex: number }).selectedIndex);
  }

  async expectAddressMatched(kind?: string): Promise<void> {
    const ok = this.section.locator('.address-ok');
    await expect(ok).toBeVisible({ timeout: 20_000 });
    if (kind) await expect(ok).toContainText(kind);
  }

  /** The services are radios: focus the chosen one, then ↓ until `name` is checked. */
  async chooseService(name: string): Promise<void> {
    await expect(this.services).toBeVisible({ timeout: 20_000 });
    const radios = this.services.getByRole('radio');
    const count = await radios.count();
    await this.services.getByRole('radio', { checked: true }).focus();
    const target = this.services.getByRole('radio', { name: new RegExp(`^${name}`) });
    for (let i = 0; i < count && !(await target.isChecked()); i++) await this.page.keyboard.press('ArrowDown');
    await expect(target).toBeChecked();
  }

  /** Ctrl+Enter books; the outbox sends it in the background, so wait for the carrier's number. */
  async book(): Promise<string> {
    await this.page.keyboard.press('Control+Enter');
    await expect(this.trackingNumber).toHaveText(/^[A-Z0-9]{6,}$/, { timeout: 30_000 });
    return this.trackingNumber.innerText();
  }

  /** L opens the kept label; the frame shows the carrier's document. */
  async openLabel(tracking: string): Promise<Locator> {
    await this.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
    await expect(this.section.getByRole('button', { name: /Xem \/ in nhãn/ })).toBeVisible({ timeout: 20_000 });
    await this.page.keyboard.press('l');
    const dialog = this.page.getByRole('dialog', { name: `Nhãn vận đơn ${tracking}` });
    await expect(dialog.locator('iframe.label-frame')).toBeVisible();
    return dialog;
  }

  /** Tab to "Cancel shipment", Enter, type the reason, Enter; the carrier confirms in the background. */
  async cancel(reason: string): Promise<void> {
    await this.section.getByRole('button', { name: 'Hủy vận đơn' }).focus();
    await this.page.keyboard.press('Enter');
    const dialog = this.page.getByRole('dialog', { name: /^Hủy vận đơn / });
    await expect(dialog.getByLabel('Lý do hủy vận đơn')).toBeFocused();
    await this.page.keyboard.type(reason);
    await this.page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(this.state).toHaveText('Đã hủy', { timeout: 30_000 });
  }

  /** Picks a place level in the carrier picker: type, wait for the option, Enter. */
  async pickPlace(level: string, text: string, option: string): Promise<void> {
    const box = this.section.getByRole('combobox', { name: level });
    await expect(box).toBeFocused();
    await this.page.keyboard.type(text);
    await expect(this.section.getByRole('option', { name: option })).toHaveAttribute('aria-selected', 'true');
    await this.page.keyboard.press('Enter');
  }
}
