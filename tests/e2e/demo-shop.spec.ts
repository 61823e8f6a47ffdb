import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { OrderDetailPage } from './pages/order-detail-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { SignInPage } from './pages/sign-in-page.js';

test('demo shop: about 30 orders, filter by status, search by phone, open by keyboard', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const orders = new OrdersPage(page);
  const detail = new OrderDetailPage(page);

  await shell.screenshot('01-first-run');
  const operators = await signIn.startDemo();
  expect(operators.length).toBeGreaterThan(0);
  expect(operators.every((o) => /^\d{4,8}$/.test(o.pin))).toBe(true);
  await shell.screenshot('02-sign-in-demo');

  const admin = operators[0];
  await signIn.signIn(admin.name, admin.pin);
  await expect(shell.statusBar).toContainText(admin.name);
  await expect(shell.statusBar).toContainText('Đã kết nối máy chủ');

  await orders.waitForRows();
  const total = await orders.total();
  expect(total).toBeGreaterThanOrEqual(25);
  expect(total).toBeLessThanOrEqual(40);
  await shell.screenshot('03-orders-list');

  // Filter by a status that has orders: the list shows exactly that many, all with that badge.
  const statusCount = await orders.filterStatus('Chờ đóng gói');
  expect(statusCount).toBeGreaterThan(0);
  await expect.poll(() => orders.total()).toBe(statusCount);
  await expect(orders.rows).toHaveCount(statusCount);
  for (const badge of await orders.rows.locator('.badge').allInnerTexts()) expect(badge).toBe('Chờ đóng gói');
  await orders.filterStatus('Tất cả');
  await expect.poll(() => orders.total()).toBe(total);

  // Search by a buyer's phone number taken from the list.
  const phone = (await orders.rows.first().locator('[role="gridcell"]').nth(5).innerText()).replace(/\s/g, '');
  await orders.search(phone);
  await expect.poll(() => orders.total()).toBeLessThan(total);
  const phones = await orders.rows.locator('[role="gridcell"]:nth-child(6)').allInnerTexts();
  expect(phones.length).toBeGreaterThan(0);
  for (const p of phones) expect(p.replace(/\s/g, '')).toBe(phone);
  await shell.screenshot('04-orders-search');

  // Open the second match with ↓ and Enter; Esc goes back to the list.
  const number = await orders.openByKeyboard(Math.min(1, phones.length - 1));
  await expect(detail.timeline).toBeVisible();
  await shell.screenshot('05-order-detail');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
  expect(number).toMatch(/\S/);

  // The shortcut sheet.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Phím tắt' })).toBeVisible();
  await shell.screenshot('06-shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
});
