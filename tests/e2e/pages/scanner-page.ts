import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { usKeyFor } from '../../../renderer/lib/scanner/us-keymap.js';

// A barcode scanner in keyboard mode, driven through the DevTools protocol: trusted key events
// with exact event timestamps (a scanner's pace), a physical `code` and whatever `key` an input
// method or OS layout would report — the text a field receives is that `key`, as on a real desk.

interface TimedKey {
  code: string;
  key: string;
  shift: boolean;
  /** Milliseconds after the burst's start. */
  at: number;
}

export interface BurstOptions {
  msPerChar?: number;
  /** The `key` an IME or layout reports for the i-th character (default: the character itself). */
  keyOf?: (ch: string, i: number) => string;
  prefix?: string;
  /** Suffix key code; null for none. Default Enter. */
  suffix?: string | null;
}

const VK: Record<string, number> = { Enter: 13, Tab: 9, F13: 124, Backspace: 8 };

export function burst(text: string, opts: BurstOptions = {}, start = 0): TimedKey[] {
  const ms = opts.msPerChar ?? 4;
  const keys: TimedKey[] = [];
  if (opts.prefix) keys.push({ code: opts.prefix, key: opts.prefix, shift: false, at: start - ms });
  [...text].forEach((ch, i) => {
    const k = usKeyFor(ch);
    if (!k) throw new Error(`no US key for ${ch}`);
    keys.push({ code: k.code, key: opts.keyOf ? opts.keyOf(ch, i) : ch, shift: k.shiftKey, at: start + i * ms });
  });
  const suffix = opts.suffix === undefined ? 'Enter' : opts.suffix;
  if (suffix) keys.push({ code: suffix, key: suffix, shift: false, at: start + text.length * ms });
  return keys;
}

export class ScannerDriver {
  private cdp: CDPSession | null = null;
  constructor(readonly page: Page) {}

  /**
   * Sends the keys at once, each stamped with its time: the page judges the pace from event
   * timestamps, as with a real scanner's. The stamps run ahead of the clock (300 ms, plus 10 ms
   * per key) so that a loaded test machine delivering the events late — the protocol hands them
   * over one by one — cannot make a scan look split or slow; a real keyboard's events carry the
   * time they were typed.
   */
  async send(keys: readonly TimedKey[]): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const cdp = this.cdp;
    const t0 = Date.now() / 1000 + 0.3 + keys.length * 0.01;
    const sends: Promise<unknown>[] = [];
    for (const k of keys) {
      const text = k.key === 'Enter' ? '\r' : k.key.length === 1 ? k.key : undefined;
      const base = { code: k.code, key: k.key, modifiers: k.shift ? 8 : 0, windowsVirtualKeyCode: VK[k.code] ?? 0 };
      sends.push(cdp.send('Input.dispatchKeyEvent', { ...base, type: text ? 'keyDown' : 'rawKeyDown', text, unmodifiedText: text, timestamp: t0 + k.at / 1000 }));
      sends.push(cdp.send('Input.dispatchKeyEvent', { ...base, type: 'keyUp', timestamp: t0 + (k.at + 0.5) / 1000 }));
    }
    await Promise.all(sends);
  }

  scan(text: string, opts: BurstOptions = {}): Promise<void> {
    return this.send(burst(text, opts));
  }

  /** Several scans back to back, each starting `gapMs` after the previous one ended. */
  scans(texts: readonly string[], gapMs: number, opts: BurstOptions = {}): Promise<void> {
    const ms = opts.msPerChar ?? 4;
    let start = 0;
    const keys = texts.flatMap((text) => {
      const b = burst(text, opts, start);
      start = b[b.length - 1].at + gapMs;
      return b;
    });
    return this.send(keys);
  }
}

/** The scanner calibration page (/station/scanner). */
export class CalibrationPage {
  readonly scanner: ScannerDriver;
  constructor(readonly page: Page) {
    this.scanner = new ScannerDriver(page);
  }

  /** G R opens the station screen; Enter on the Scanner tab shows the scanner settings. */
  async openStationScanner(): Promise<void> {
    await this.page.keyboard.press('g');
    await this.page.keyboard.press('r');
    await expect(this.page.getByRole('heading', { name: 'Trạm đóng gói', level: 1 })).toBeVisible();
    const tab = this.page.getByRole('tab', { name: 'Máy quét' });
    await tab.focus();
    await this.page.keyboard.press('Enter');
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(this.page.getByLabel('Tốc độ chậm nhất (ms/ký tự)')).toHaveValue('30');
  }

  /** From the scanner settings, the calibration link. */
  async open(): Promise<void> {
    if (!(await this.page.getByRole('tab', { name: 'Máy quét', selected: true }).isVisible())) await this.openStationScanner();
    await this.page.getByRole('link', { name: 'Hiệu chỉnh máy quét' }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { name: 'Hiệu chỉnh máy quét' })).toBeVisible();
    await expect(this.barcode).toHaveAttribute('data-code', 'DD-AA-W-12-SF-aw');
  }

  get barcode(): Locator {
    return this.page.locator('.calibration-barcode canvas');
  }

  get result(): Locator {
    return this.page.getByTestId('calibration-result');
  }

  finding(kind: string): Locator {
    return this.result.locator(`[data-finding="${kind}"]`);
  }

  get count(): Locator {
    return this.page.getByTestId('scan-count');
  }

  /** Codes of the live table's scan rows, oldest first. */
  async scannedCodes(): Promise<string[]> {
    const codes = await this.page.locator('.calibration-live tbody tr[data-verdict="scan"] td.mono').allInnerTexts();
    return codes.reverse();
  }

  get typingField(): Locator {
    return this.page.getByLabel('Gõ thử');
  }

  setting(label: string): Locator {
    return this.page.locator('.kv-row', { hasText: label }).locator('dd');
  }
}
