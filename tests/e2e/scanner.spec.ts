import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { OrdersPage } from './pages/orders-page.js';
import { CalibrationPage } from './pages/scanner-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// Scanner bursts only: trusted key events at scanner pace, with the `key` values a Vietnamese
// input method or a French layout would report. The calibration page shows what arrived.

const CODE = 'DD-AA-W-12-SF-aw';

async function openCalibration(page: Page, beforeCalibration?: () => Promise<void>): Promise<CalibrationPage> {
  const signIn = new SignInPage(page);
  const [owner] = await signIn.startDemo();
  await signIn.signIn(owner.name, owner.pin);
  await new OrdersPage(page).waitForRows();
  const calibration = new CalibrationPage(page);
  await calibration.openStationScanner();
  await beforeCalibration?.();
  await calibration.open();
  return calibration;
}

test('calibration: a right scan, an input method rewriting keys, a French layout, a slow scanner fixed with one key', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const cal = await openCalibration(page, () => shell.screenshot('scanner-00-station-scanner-tab'));
  await shell.screenshot('scanner-01-calibration-waiting');

  await cal.scanner.scan(CODE);
  await expect(cal.result).toContainText('Máy quét hoạt động đúng');
  await expect(cal.finding('ok')).toBeVisible();
  await expect(cal.finding('suffixOk')).toContainText('Enter');
  await expect(cal.count).toHaveText('Đã nhận 1 lần quét');
  await shell.screenshot('scanner-02-calibration-ok');

  // Telex: the second D of "DD" becomes Đ, "AA" → Â, "W" → Ư. The code is still read from the keys.
  const telex: Record<number, string> = { 1: 'Đ', 4: 'Â', 6: 'Ư' };
  await cal.scanner.scan(CODE, { keyOf: (ch, i) => telex[i] ?? ch });
  await expect(cal.finding('ime')).toContainText('DĐ-AÂ-Ư-12-SF-aw');
  await expect(cal.finding('ime')).toContainText('chuyển Unikey/EVKey sang E');
  await expect(cal.result).toContainText('Máy quét hoạt động đúng');
  await expect(cal.count).toHaveText('Đã nhận 2 lần quét');
  await shell.screenshot('scanner-03-calibration-ime');

  // A French AZERTY layout on the PC: "-" arrives as ")", A as Q, W as Z.
  const azerty: Record<string, string> = { A: 'Q', a: 'q', W: 'Z', w: 'z', '-': ')', '1': '&', '2': 'é' };
  await cal.scanner.scan(CODE, { keyOf: (ch) => azerty[ch] ?? ch });
  await expect(cal.finding('osLayout')).toContainText('"-" → ")"');
  await expect(cal.result).toContainText('Máy quét hoạt động đúng');

  // A scanner at 45 ms/char is taken for typing; the page measures it and proposes a threshold.
  await cal.scanner.scan(CODE, { msPerChar: 45 });
  await expect(cal.result).toContainText('Cần chỉnh lại');
  await expect(cal.finding('slow')).toContainText('45 ms/ký tự');
  await expect(cal.finding('notDetected')).toBeVisible();
  await expect(cal.count).toHaveText('Đã nhận 3 lần quét');
  await shell.screenshot('scanner-04-calibration-slow');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Đã áp dụng cài đặt đề xuất')).toBeVisible();
  await expect(cal.setting('Tốc độ chậm nhất')).toHaveText('68 ms');
  await cal.scanner.scan(CODE, { msPerChar: 45 });
  await expect(cal.result).toContainText('Máy quét hoạt động đúng');
  await expect(cal.count).toHaveText('Đã nhận 4 lần quét');
});

test('20 scans 10 ms apart all arrive in order; a scan into a focused field leaves nothing there; typing stays typing', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const cal = await openCalibration(page, async () => {
    // ← on the focused tab list goes to the General tab (WAI-ARIA tabs), → back.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Chung' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('checkbox', { name: 'Tự mở đơn tiếp theo khi đóng xong' })).toBeChecked();
    await shell.screenshot('scanner-07-station-general-tab');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Máy quét' })).toHaveAttribute('aria-selected', 'true');
  });

  const codes = Array.from({ length: 20 }, (_, i) => `SKU-${String(i + 1).padStart(4, '0')}`);
  await cal.scanner.scans(codes, 10);
  await expect(cal.count).toHaveText('Đã nhận 20 lần quét');
  expect(await cal.scannedCodes()).toEqual(codes);
  await shell.screenshot('scanner-05-twenty-scans');

  // Without a prefix the characters land in the field first; once the burst is recognised they go.
  await cal.typingField.focus();
  await page.keyboard.type('ghi chú', { delay: 120 });
  await cal.scanner.scan('ORD-20240001', { keyOf: (ch) => (ch === 'D' ? 'Đ' : ch) });
  await expect(cal.count).toHaveText('Đã nhận 21 lần quét');
  await expect(cal.typingField).toHaveValue('ghi chú');
  await expect(cal.typingField).toBeFocused();
  // The calibration judges the scan's own keys, not the words typed before it.
  await expect(cal.result).toContainText('ORĐ-20240001');
  await expect(cal.result).not.toContainText('ghi');

  // A person typing at 150 ms/char is never a scan, and the text stays.
  await cal.scanner.scan(' abc12', { msPerChar: 150, suffix: null });
  await expect(cal.typingField).toHaveValue('ghi chú abc12');
  await page.waitForTimeout(300);
  await expect(cal.count).toHaveText('Đã nhận 21 lần quét');
  await shell.screenshot('scanner-06-typing-field');
});
