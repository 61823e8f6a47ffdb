import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { OrderDetailPage } from './pages/order-detail-page.js';
import { OrderFormPage } from './pages/order-form-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { ProductFormPage } from './pages/product-form-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { StockPage } from './pages/stock-page.js';
import { WarehousesPage } from './pages/warehouses-page.js';

test('first run: admin, warehouse, product, order reserves stock, cancel releases it, language switch', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const stock = new StockPage(page);
  const detail = new OrderDetailPage(page);

  // First run: create the first admin; the app signs them in.
  await new SignInPage(page).setupAdmin('Chủ cửa hàng', '2468');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
  await expect(shell.statusBar).toContainText('Chủ cửa hàng · Quản trị');
  await shell.screenshot('10-empty-orders');

  // A warehouse, then a product with two variants and opening stock in it.
  await shell.goTo('warehouses');
  await new WarehousesPage(page).create('HN', 'Kho Hà Nội');
  await shell.screenshot('11-warehouses');
  await shell.goTo('products');
  await new ProductFormPage(page).create('Áo thun cổ tròn', 'AO-THUN', 'HN', [
    { sku: 'AO-THUN-DO', price: 150_000, weightG: 200, stock: 10 },
    { sku: 'AO-THUN-XANH', price: 155_000, weightG: 200, stock: 5 },
  ]);
  await shell.screenshot('12-product-saved');
  await shell.goTo('stock');
  await stock.expectLevels('AO-THUN-DO', { onHand: 10, reserved: 0, available: 10 });
  await stock.expectLevels('AO-THUN-XANH', { onHand: 5, reserved: 0, available: 5 });

  // A manual order for 2 units of one variant, confirmed at once: the stock is reserved.
  await new OrderFormPage(page).create({
    buyerName: 'Nguyễn Thị Lan', buyerPhone: '0912345678', lines: [{ sku: 'AO-THUN-DO', quantity: 2 }],
    street: '12 Hàng Bông', ward: 'Phường Hoàn Kiếm', province: 'Hà Nội',
  });
  await detail.expectStatus('Chờ đóng gói');
  await expect(detail.line('AO-THUN-DO')).toContainText('2/2');
  await expect(detail.line('AO-THUN-DO')).toContainText('300.000 ₫');
  const number = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  await shell.screenshot('13-order-reserved');

  await shell.goTo('stock');
  await stock.expectLevels('AO-THUN-DO', { onHand: 10, reserved: 2, available: 8 });
  await shell.screenshot('14-stock-reserved');

  // Back to the order by keyboard, cancel it with a reason: the reservation is released.
  await shell.goTo('orders');
  const orders = new OrdersPage(page);
  await orders.search(number);
  await orders.openByKeyboard(0);
  await detail.cancel('Khách đổi ý, gọi điện hủy');
  await detail.expectStatus('Đã hủy');
  await expect(detail.line('AO-THUN-DO')).toContainText('0/2');
  await expect(detail.timeline).toContainText('Khách đổi ý, gọi điện hủy');
  await shell.screenshot('15-order-cancelled');
  await shell.goTo('stock');
  await stock.expectLevels('AO-THUN-DO', { onHand: 10, reserved: 0, available: 10 });

  // English and back: the labels follow.
  await shell.toggleLanguage();
  await expect(shell.nav.getByRole('link', { name: /^Orders/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Stock' })).toBeVisible();
  await shell.goTo('orders');
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  await shell.screenshot('16-orders-english');
  await shell.toggleLanguage();
  await expect(shell.nav.getByRole('link', { name: /^Đơn hàng/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
});
