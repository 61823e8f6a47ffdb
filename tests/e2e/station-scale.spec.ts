import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { SignInPage } from './pages/sign-in-page.js';
import type { Page } from '@playwright/test';

// The "Cân" tab of the station screen in the demo shop, whose desk weighs on the simulated scale
// (a parcel lands every ~13 s and settles within a second). Keyboard only.

async function openScaleTab(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page.getByRole('heading', { name: 'Trạm đóng gói', level: 1 })).toBeVisible();
  const tab = page.getByRole('tab', { name: 'Cân' });
  await page.getByRole('tab', { name: 'Chung' }).focus();
  await page.keyboard.press('End');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

interface StationOut { scale: { transport: string; protocol: string; linePattern: string; toleranceGrams: number } }

/** stations.current through the app's own bridge (window.packdesk), as the signed-in operator. */
function currentStation(page: Page): Promise<StationOut> {
  return page.evaluate(async () => {
    const bridge = (globalThis as unknown as { packdesk: { call(n: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).packdesk;
    const r = await bridge.call('stations.current', {});
    if (!r.ok) throw new Error(r.error?.message);
    return r.value as StationOut;
  });
}

test('scale tab: live reading settles, the weight field takes it with F2 or typed grams; settings validated, tested and saved', async ({ appPage: page }) => {
  test.setTimeout(120_000);
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const operators = await signIn.startDemo();
  const manager = operators.find((o) => o.name.startsWith('Quản lý'))!;
  await signIn.signIn(manager.name, manager.pin);
  await openScaleTab(page);

  // The live reading: watch it from inside the page so no state between two polls is missed.
  const live = page.getByRole('status', { name: 'Số cân hiện tại' }).or(page.getByTestId('scale-live'));
  await expect(live).toBeVisible();
  // The tests' tsconfig has no DOM types: the page's globals are reached through a narrow cast.
  const seen = await page.evaluate(() => new Promise<string[]>((done) => {
    interface El { getAttribute(n: string): string | null; textContent: string | null }
    interface Obs { observe(el: El, o: object): void; disconnect(): void }
    const g = globalThis as unknown as { document: { querySelector(s: string): El }; MutationObserver: new (cb: () => void) => Obs };
    const el = g.document.querySelector('[data-testid="scale-live"]');
    const states: string[] = [];
    const note = () => {
      const s = `${el.getAttribute('data-stable')}|${el.textContent}`;
      if (states[states.length - 1] !== s) states.push(s);
      if (el.getAttribute('data-stable') === 'true' && states.some((x) => x.startsWith('false|') && /\d g|kg/.test(x))) {
        obs.disconnect();
        done(states);
      }
    };
    const obs = new g.MutationObserver(note);
    obs.observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    note();
    setTimeout(() => { obs.disconnect(); done(states); }, 40_000);
  }));
  // A weight showed while still moving, then it settled (it may also have been on the pan already).
  expect(seen.some((s) => s.startsWith('false|') && /Đang ổn định|dao động|Chưa ổn định/.test(s))).toBe(true);
  expect(seen[seen.length - 1]).toMatch(/^true\|/);
  await expect(live).toHaveAttribute('data-stable', 'true');
  await expect(live).toContainText('Ổn định');
  const settled = await live.locator('.scale-live-grams').innerText();
  expect(settled).toMatch(/^\d+ g$|^\d+,\d{3} kg$/);
  await shell.screenshot('station-scale-01-live');

  // The weight field takes the settled weight with F2 (the parcel stays on for 10 s).
  const field = page.getByLabel('Khối lượng thử (g)');
  await field.focus();
  await page.keyboard.press('F2');
  const result = page.getByTestId('scale-try-result');
  await expect(result).toHaveText(`Sẽ ghi: ${settled}`);
  const taken = await field.inputValue();
  expect(Number(taken)).toBeGreaterThan(0);

  // Typed grams and kilograms.
  await field.fill('');
  await page.keyboard.type('850');
  await expect(result).toHaveText('Sẽ ghi: 850 g');
  // Kilograms with a decimal comma, typed key by key: "1," is not a weight yet, and the box must keep it.
  await field.fill('');
  await page.keyboard.type('1,2kg', { delay: 60 });
  await expect(result).toHaveText('Sẽ ghi: 1,200 kg');
  await field.fill('');
  await page.keyboard.type('12abc');
  await expect(page.getByText('Nhập khối lượng bằng gam, ví dụ 850')).toBeVisible();
  await expect(result).toHaveText('Chưa có khối lượng');

  // Settings (the demo desk starts on the simulated scale, streaming-line protocol): a bad pattern is
  // refused with a clear message and is not saved.
  await expect(page.getByLabel('Cách kết nối')).toHaveValue('simulated');
  await expect(page.getByLabel('Giao thức')).toHaveValue('line');
  const tolerance = page.getByLabel('Sai lệch cho phép (g)');
  await tolerance.fill('5');
  const pattern = page.getByLabel('Mẫu dòng (biểu thức chính quy)');
  await pattern.focus();
  await page.keyboard.type('(?<weight>[0-9.');
  await expect(page.getByText('Mẫu dòng không phải biểu thức chính quy hợp lệ')).toBeVisible();
  const save = page.getByRole('button', { name: /^Lưu/ });
  await page.keyboard.press('Control+Enter');
  expect((await currentStation(page)).scale.linePattern).toBe('');
  await pattern.fill('');
  await page.keyboard.type('^\\s*(\\d+)\\s*g');
  await expect(page.getByText('Mẫu dòng cần nhóm (?<weight>…)')).toBeVisible();
  await shell.screenshot('station-scale-02-bad-pattern');
  await pattern.fill('');
  await expect(page.getByText('Mẫu dòng cần nhóm')).toHaveCount(0);

  // "Thử cân" with the unsaved settings: readings arrive, moving then stable, and a settled weight.
  await page.keyboard.press('Alt+T');
  const testResult = page.getByTestId('scale-test-result');
  await expect(testResult).toBeVisible({ timeout: 15_000 });
  await expect(testResult).toContainText('Số cân ổn định: 850 g');
  await expect(testResult.locator('tr[data-stable="false"]').first()).toBeVisible();
  await expect(testResult.locator('tr[data-stable="true"]').first()).toBeVisible();
  await shell.screenshot('station-scale-03-test');

  // Saved through stations.update.
  await expect(save).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Đã lưu cài đặt cân')).toBeVisible();
  const saved = await currentStation(page);
  expect(saved.scale).toMatchObject({ transport: 'simulated', protocol: 'line', linePattern: '', toleranceGrams: 5 });
  await expect(live).toContainText(/\d g|Đặt kiện hàng|Đang/, { timeout: 10_000 });
});

test('scale tab: a packer sees the settings read-only; tare on a scale that cannot says so', async ({ appPage: page }) => {
  const signIn = new SignInPage(page);
  const operators = await signIn.startDemo();
  const packer = operators.find((o) => o.name.startsWith('Đóng gói'))!;
  await signIn.signIn(packer.name, packer.pin);
  await openScaleTab(page);
  await expect(page.getByLabel('Cách kết nối')).toBeDisabled();
  await expect(page.getByRole('button', { name: /^Lưu/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Thử cân/ })).toHaveCount(0);
  await expect(page.getByText('Chỉ quản lý mới sửa được cài đặt trạm.')).toBeVisible();
  const tare = page.getByRole('button', { name: 'Trừ bì' });
  await expect(tare).toBeEnabled({ timeout: 10_000 });
  await tare.focus();
  await page.keyboard.press('Enter');
  // The demo's streaming-line scale takes no commands: a clear message, not a silent nothing.
  await expect(page.getByText('Cân này không làm được việc đó từ máy tính')).toBeVisible();
  await new AppShell(page).screenshot('station-scale-04-packer');
});

