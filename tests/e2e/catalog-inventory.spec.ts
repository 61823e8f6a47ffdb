import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { ProductsPage } from './pages/products-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { StockPage } from './pages/stock-page.js';
import { WarehousesPage } from './pages/warehouses-page.js';

test('catalogue and inventory by keyboard: warehouse with a bin, product grid with opening stock, count adjustment, movement', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  await new SignInPage(page).setupAdmin('Chủ cửa hàng', '2468');
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();

  // A warehouse, and a bin in it: the bins dialog takes a code and Enter.
  await shell.goTo('warehouses');
  await new WarehousesPage(page).create('HCM', 'Kho Quận 1');
  await page.getByRole('button', { name: 'Vị trí kệ của kho HCM (0)' }).focus();
  await page.keyboard.press('Enter');
  const bins = page.getByRole('dialog', { name: 'Vị trí kệ · HCM' });
  await expect(bins.getByLabel('Mã vị trí mới')).toBeFocused();
  await page.keyboard.type('a-01-1');
  await page.keyboard.press('Enter');
  await expect(bins.getByRole('table', { name: 'Vị trí kệ của kho HCM' })).toContainText('A-01-1');
  // The same code again is refused while typing, before any save.
  await page.keyboard.type('A-01-1');
  await expect(bins.getByText('Mã A-01-1 đã được sử dụng.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bins).toBeHidden();

  // A product with two colours from the generator, opening stock in HCM, one of them in the bin.
  await shell.goTo('products');
  const products = new ProductsPage(page);
  await products.createWithGrid({
    name: 'Áo khoác gió', sku: 'AK01', attribute: 'Màu', values: ['Đỏ', 'Xanh'], price: 350_000, weightG: 400,
    warehouseCode: 'HCM', stock: [{ quantity: 10, bin: 'A-01-1' }, { quantity: 4 }],
  });
  expect(await products.variantSku(1)).toBe('AK01-DO');
  expect(await products.variantSku(2)).toBe('AK01-XANH');
  await expect(products.stockRow('AK01-DO')).toContainText('10 / 10');
  await expect(products.stockRow('AK01-DO')).toContainText('A-01-1');
  await shell.screenshot('c-20-product-saved');

  // Stock: search, ↓ into the list, Enter opens the adjustment; a counted 7 replaces 10.
  await shell.blur();
  await shell.goTo('stock');
  const stock = new StockPage(page);
  await stock.expectLevels('AK01-DO', { onHand: 10, reserved: 0, available: 10 });
  await page.getByLabel('Tìm hàng').focus();
  await page.keyboard.type('AK01');
  await expect(page.getByRole('row', { name: /^AK01-XANH / })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('row', { name: /^AK01-DO / })).toBeFocused();
  await page.keyboard.press('Enter');
  const adjust = page.getByRole('dialog', { name: 'Điều chỉnh tồn · AK01-DO' });
  await expect(adjust.getByLabel('Số lượng đếm được')).toBeFocused();
  await page.keyboard.type('7');
  await expect(adjust).toContainText('Tồn sau điều chỉnh: 7 (-3)');
  await page.keyboard.press('Tab');
  await expect(adjust.getByLabel('Lý do')).toBeFocused();
  await page.keyboard.type('Kiểm kê cuối ngày');
  await page.keyboard.press('Control+Enter');
  await expect(adjust).toBeHidden();
  await stock.expectLevels('AK01-DO', { onHand: 7, reserved: 0, available: 7 });
  await shell.screenshot('c-21-stock-adjusted');

  // The movement history of that variant shows the count, the change and who made it.
  await page.getByRole('button', { name: 'Lịch sử xuất nhập của AK01-DO' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Xuất nhập kho' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Lịch sử xuất nhập kho' });
  const count = history.getByRole('row').filter({ hasText: 'Kiểm kê cuối ngày' });
  await expect(count).toContainText('Kiểm kê');
  await expect(count).toContainText('−3');
  await expect(count).toContainText('Chủ cửa hàng');
  await expect(history.getByRole('row').filter({ hasText: 'Tồn đầu kỳ' })).toContainText('+10');
  await shell.screenshot('c-22-movements');
});
