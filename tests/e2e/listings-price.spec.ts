import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { ListingsPage } from './pages/listings-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// Issue 5 §3, price side, in the demo shop: the listings show Shopee's price; the price policy (off by
// default) is turned on with a markup; a listing then shows the price a push would write, "Đẩy giá" writes
// it, and the price push log and the listing's cell show what was pushed and when.

const DEMO_SHOP = /Packdesk Home|Shopee \(demo\)/;

test('listings: price policy, push a price now, the price log', async ({ appPage: page }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const listings = new ListingsPage(page);
  const [owner] = await signIn.startDemo();
  await signIn.signIn(owner.name, owner.pin);
  await expect(shell.statusBar).toContainText(owner.name);

  await listings.open();
  await listings.chooseShop(DEMO_SHOP);
  if (!(await listings.table.isVisible())) await listings.pull(/sản phẩm:/);
  const coffee = listings.row('CF-ROB-500');
  await expect(coffee).toBeVisible({ timeout: 20_000 });
  // Off by default: nothing to push, and the shop-wide button says why.
  await expect(coffee.getByRole('button', { name: 'Đẩy giá ngay cho CF-ROB-500' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Đẩy giá cả shop' })).toBeDisabled();

  await page.getByRole('button', { name: 'Chính sách giá' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Chính sách giá' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Đẩy giá từ danh mục/ }).check();
  const percent = dialog.getByRole('spinbutton', { name: 'Cộng thêm (%)' });
  await percent.fill('400');
  await percent.press('Tab');
  // Out of range: refused as typed, the dialog stays and nothing is saved.
  await dialog.getByRole('spinbutton', { name: 'Cộng thêm (đồng)' }).press('Control+Enter');
  await expect(dialog.getByText('Tối đa 300')).toBeVisible();
  await expect(dialog).toBeVisible();
  await percent.fill('5');
  await expect(dialog.getByText(/→ 105\.000/)).toBeVisible();
  await shell.screenshot('listings-price-01-policy');
  await percent.press('Control+Enter');
  await expect(dialog).toBeHidden();

  // The catalogue price × 1.05 is what a push would write.
  await expect(coffee).toContainText(/sẽ đẩy/);
  await coffee.getByRole('button', { name: 'Đẩy giá ngay cho CF-ROB-500' }).press('Enter');
  await expect(coffee).toContainText(/173\.250 ₫\s*đã đẩy lúc/, { timeout: 20_000 });
  const log = page.getByRole('table', { name: 'Nhật ký đẩy giá' });
  await expect(log.getByRole('row', { name: /CF-ROB-500 .*Đẩy bằng tay .*Thành công/ })).toBeVisible();
  await shell.screenshot('listings-price-02-pushed');
  await log.scrollIntoViewIfNeeded();
  await shell.screenshot('listings-price-03-log');
  await shell.toggleLanguage();
  await expect(page.getByRole('table', { name: 'Price push log' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await shell.screenshot('listings-price-04-pushed-en');
});
