import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { PickListsPage } from './pages/pick-lists-page.js';
import { SignInPage } from './pages/sign-in-page.js';

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

test('pick list: select ready-to-pack orders by keys and by a scan, create it, its lines come sorted by bin', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const picks = new PickListsPage(page);
  const operators = await signIn.startDemo();
  await signIn.signIn(operators[0].name, operators[0].pin);
  await expect(shell.statusBar).toContainText(operators[0].name);

  await picks.openCreate();
  await expect(picks.candidates.first()).toBeVisible();
  const count = await picks.candidates.count();
  expect(count).toBeGreaterThan(1);

  // One order by a scanner burst, then every filtered order with Ctrl+A.
  const first = (await picks.candidates.first().locator('td').nth(1).innerText()).trim();
  await picks.scan(first);
  await expect(page.getByRole('alert').filter({ hasText: `Đã thêm đơn ${first}` })).toBeVisible();
  await expect(picks.selectedCount).toHaveText('Đã chọn 1 đơn');
  await picks.scan('PD999999');
  await expect(page.getByRole('alert').filter({ hasText: /Mã PD999999 không phải đơn chờ đóng gói/ })).toBeVisible();
  await expect(picks.selectedCount).toHaveText('Đã chọn 1 đơn');
  await page.keyboard.press('Control+a');
  await expect(picks.selectedCount).toHaveText(`Đã chọn ${count} đơn`);
  await expect(picks.totals).toContainText(`${count} đơn`);
  await shell.screenshot('pick-list-create');

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Phiếu lấy hàng PL\d{7}/);
  await expect(page.getByRole('table', { name: 'Thứ tự đóng gói' }).locator('tbody tr')).toHaveCount(count);
  const bins = await picks.bins();
  expect(bins.length).toBeGreaterThan(0);
  const withBin = bins.filter((b) => b !== 'Chưa có vị trí');
  expect(withBin).toEqual([...withBin].sort(natural.compare));
  expect(bins.slice(withBin.length).every((b) => b === 'Chưa có vị trí')).toBe(true);
  await shell.screenshot('pick-list-detail');

  // The orders now belong to the list: a second list cannot take them.
  await picks.openCreate();
  await expect(picks.candidates.first().locator('td').last()).toContainText(/PL\d{7}/);
});
