import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

const SCREENS_DIR = resolve(import.meta.dirname, '../../../test-results/screens');

// Keyboard-only driving: these page objects press keys; none of them clicks. Where a control is
// reached by Tab in real use and the count of Tabs would only make the test brittle, `focus()`
// stands in for those Tab presses (it moves focus, it does not click).

export type Area =
  | 'orders' | 'customers' | 'products' | 'stock' | 'movements' | 'warehouses' | 'operators' | 'settings'
  | 'shipments' | 'exceptions' | 'cod' | 'jobs' | 'connections';
/** A combo, or a two-key sequence ("G D") pressed one key after the other. */
const AREA_KEY: Record<Area, string> = {
  orders: 'Alt+1', customers: 'Alt+2', products: 'Alt+3', stock: 'Alt+4', movements: 'Alt+5', warehouses: 'Alt+6', operators: 'Alt+7', settings: 'Alt+8',
  shipments: 'Alt+9', exceptions: 'Alt+0', cod: 'g d', jobs: 'g j', connections: 'g n',
};

/** The signed-in frame: navigation, language, status bar, screenshots. */
export class AppShell {
  constructor(readonly page: Page) {}

  get nav() {
    return this.page.getByRole('navigation');
  }

  get statusBar() {
    return this.page.locator('footer.status-bar');
  }

  async goTo(area: Area): Promise<void> {
    for (const key of AREA_KEY[area].split(' ')) await this.page.keyboard.press(key);
  }

  /** Alt+L toggles Vietnamese / English. */
  async toggleLanguage(): Promise<void> {
    await this.page.keyboard.press('Alt+L');
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENS_DIR, { recursive: true });
    // Let toasts and late rows settle so the picture shows the screen, not a transition.
    await this.page.waitForTimeout(300);
    await this.page.screenshot({ path: resolve(SCREENS_DIR, `${name}.png`) });
  }

  /** Leaves any text field so single-key shortcuts work. */
  async blur(): Promise<void> {
    await this.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
  }
}
