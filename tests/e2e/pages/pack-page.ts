import { expect, type Locator, type Page } from '@playwright/test';
import { ScannerDriver } from './scanner-page.js';

// The pack station (/pack), driven like a desk: scanner bursts and keys, never the mouse. Test data
// (barcodes, tracking numbers) is read through the page's own command bridge, as the screen does.

export class PackPage {
  readonly scanner: ScannerDriver;
  constructor(readonly page: Page) {
    this.scanner = new ScannerDriver(page);
  }

  /** Alt+P from anywhere. */
  async open(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
    await this.page.keyboard.press('Alt+P');
    await expect(this.page.getByRole('heading', { level: 1, name: /^Đóng gói/ })).toBeVisible();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get feedback(): Locator {
    return this.page.getByTestId('pack-feedback');
  }

  get cancelledBanner(): Locator {
    return this.page.locator('.pack-cancelled');
  }

  /** The scanned count shown on a line, e.g. "1/2". */
  async count(sku: string): Promise<string> {
    return (await this.page.getByTestId(`count-${sku}`).innerText()).replace(/\s/g, '');
  }

  /**
   * Every unit of a line, one scanner burst each. The same code again inside the station's dedupe
   * window (150 ms) is trigger bounce, so each unit waits for the previous one's count, as a hand rescans.
   */
  async scanUnits(l: { sku: string; quantity: number; barcodes: string[] }): Promise<void> {
    for (let i = 1; i <= l.quantity; i++) {
      await this.page.waitForTimeout(200);
      await this.scanner.scan(l.barcodes[0]);
      await expect.poll(() => this.count(l.sku)).toBe(`${i}/${l.quantity}`);
    }
  }

  async expectOrderOpen(number: string): Promise<void> {
    await expect(this.heading).toHaveText(`Đóng gói đơn ${number}`);
  }

  /** Types the weight where the screen put the cursor, then Enter: no click. */
  async typeWeight(grams: number): Promise<void> {
    await expect(this.page.getByLabel('Khối lượng (gram)')).toBeFocused();
    await this.page.keyboard.type(String(grams), { delay: 60 });
    await this.page.keyboard.press('Enter');
  }

  /** A contract command through the app's own bridge (window.packdesk), as the signed-in packer. */
  call<T = unknown>(name: string, input: unknown): Promise<T> {
    return this.page.evaluate(async ([n, i]) => {
      const bridge = (globalThis as unknown as { packdesk: { call(n: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).packdesk;
      const r = await bridge.call(n as string, i);
      if (!r.ok) throw new Error(`${n}: ${r.error?.message}`);
      return r.value;
    }, [name, input] as const) as Promise<T>;
  }
}
