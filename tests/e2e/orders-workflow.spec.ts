import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { CustomersPage } from './pages/customers-page.js';
import { OrderDetailPage } from './pages/order-detail-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { SignInPage } from './pages/sign-in-page.js';

test('customers, an order from a customer, edit, transition and bulk cancel', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const detail = new OrderDetailPage(page);
  const signIn = new SignInPage(page);
  const operators = await signIn.startDemo();
  const manager = operators.find((o) => o.name.startsWith('Quản lý')) ?? operators[0];
  await signIn.signIn(manager.name, manager.pin);
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();

  // A customer with an address, a second address added and the first one removed.
  await shell.goTo('customers');
  const customers = new CustomersPage(page);
  await customers.create({ name: 'Phan Thanh Bình', phone: '0983 111 222', street: '5 Nguyễn Huệ', ward: 'Phường Sài Gòn', province: 'TP. Hồ Chí Minh' });
  await expect(customers.addresses).toHaveCount(1);
  await expect(customers.addresses.first()).toContainText('5 Nguyễn Huệ, Phường Sài Gòn, TP. Hồ Chí Minh');
  await customers.addAddress('Công ty', '100 Lê Lợi', 'Phường Bến Thành', 'TP. Hồ Chí Minh');
  await expect(customers.addresses).toHaveCount(2);
  await shell.screenshot('20-customer-detail');
  await customers.removeAddress('5 Nguyễn Huệ');
  await expect(customers.addresses).toHaveCount(1);
  await expect(customers.addresses.first()).toContainText('Công ty');

  // New order for this customer: customer and address come prefilled.
  await page.getByRole('button', { name: 'Tạo đơn cho khách' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Phan Thanh Bình', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Số nhà, đường')).toHaveValue('100 Lê Lợi');
  const search = page.getByRole('combobox', { name: 'Thêm sản phẩm' });
  await search.focus();
  await page.keyboard.type('DEPQUA12-DEN-39');
  await expect(page.getByRole('option', { name: /^DEPQUA12-DEN-39 / })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.type('1');
  await page.keyboard.press('Control+Enter');
  await detail.expectStatus('Chờ đóng gói');
  await expect(detail.line('DEPQUA12-DEN-39')).toContainText('1/1');

  // Edit: E opens the form; change the quantity to 3; the reservation follows.
  await page.keyboard.press('e');
  await expect(page.getByRole('heading', { level: 1, name: /^Sửa đơn / })).toBeVisible();
  const qty = page.getByLabel('Số lượng DEPQUA12-DEN-39');
  await qty.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  await page.keyboard.press('Control+Enter');
  await expect(detail.line('DEPQUA12-DEN-39')).toContainText('3/3');
  await expect(detail.timeline).toContainText('Sửa đơn');

  // The normal way forward is the first action: Enter on it opens the dialog, Enter confirms.
  await page.getByRole('button', { name: 'Chuyển: Đang đóng gói' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await detail.expectStatus('Đang đóng gói');
  await expect(page.getByRole('button', { name: 'Sửa đơn' })).toHaveCount(0);
  await shell.screenshot('21-order-packing');

  // Bulk: every "Mới" order selected with Ctrl+A and cancelled with one reason.
  await shell.goTo('orders');
  const orders = new OrdersPage(page);
  const fresh = await orders.filterStatus('Mới');
  expect(fresh).toBeGreaterThan(0);
  await orders.grid.focus();
  await page.keyboard.press('Control+A');
  const bar = page.getByRole('region', { name: 'Thao tác hàng loạt' });
  await expect(bar).toContainText(`Đã chọn ${fresh}`);
  await shell.screenshot('22-bulk-selected');
  await bar.getByRole('button', { name: 'Hủy đơn' }).focus();
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: `Hủy ${fresh} đơn` });
  await expect(ask.getByLabel('Lý do hủy')).toBeFocused();
  await page.keyboard.type('Hết chương trình khuyến mãi');
  await page.keyboard.press('Enter');
  const results = page.getByRole('dialog', { name: `Hủy ${fresh} đơn` }).getByRole('table', { name: 'Kết quả từng đơn' });
  await expect(results.getByRole('row')).toHaveCount(fresh + 1);
  for (const text of await results.locator('tbody tr').allInnerTexts()) expect(text).toContain('Đã hủy');
  await shell.screenshot('23-bulk-results');
  await page.keyboard.press('Escape');
  await expect.poll(() => orders.total()).toBe(0);
});
