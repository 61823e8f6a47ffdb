import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOP_IDS } from '../../main/simulators/shopee/demo-defaults.js';
import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { ChannelsPage } from './pages/channels-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// Kênh bán in the demo shop: the demo Shopee shop is connected and shows its sync health; a second
// Shopee account is added through the form (a bad Partner ID refused first), then connected through the
// simulator's approval page and the loopback redirect listener.

test('channels: the connected demo shop and its sync health; add a Shopee account and connect it by the loopback redirect', async ({ appPage: page, context }) => {
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const channels = new ChannelsPage(page);
  const [owner] = await signIn.startDemo();
  await signIn.signIn(owner.name, owner.pin);
  await expect(shell.statusBar).toContainText(owner.name);

  await channels.open();
  const demo = channels.row('Shopee (demo)');
  await expect(demo).toContainText('Đã kết nối');
  await expect(demo).toContainText(String(DEMO_SHOPEE_SHOP_IDS.main));
  // Sync health of the selected (first) shop: the order pull, jobs to Shopee, the push log.
  await expect(channels.health).toBeVisible();
  await expect(channels.health.getByTestId('intake-sync-panel')).toBeVisible();
  await expect(channels.health.getByRole('region', { name: 'Tác vụ gửi Shopee' })).toContainText('Đang chờ');
  // The test proves the partner key and the shop's token.
  await channels.press(page.getByRole('button', { name: 'Kiểm tra kết nối Shopee (demo)' }));
  await expect(page.getByTestId('channel-test-result')).toContainText('Shopee chấp nhận Partner Key');
  await shell.screenshot('channels-01-demo-shop');

  // A second account on the same (simulated) host, added through the form.
  const baseUrl = await channels.baseUrlOf('Shopee (demo)');
  expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  await channels.createAccount({ name: 'Shopee Outlet', baseUrl, partnerId: 'abc', partnerKey: DEMO_SHOPEE_PARTNER.partnerKey });
  await channels.save();
  await expect(channels.dialog.getByText('Partner ID là số nguyên')).toBeVisible();
  await expect(channels.dialog.getByLabel('Partner ID')).toBeFocused();
  await shell.screenshot('channels-02-form-error');
  await channels.fill('Partner ID', String(DEMO_SHOPEE_PARTNER.partnerId));
  await channels.save();
  await expect(channels.dialog).toBeHidden();
  const outlet = channels.row('Shopee Outlet');
  await expect(outlet).toContainText('Chưa kết nối');
  expect(await page.content()).not.toContain(DEMO_SHOPEE_PARTNER.partnerKey);

  // Connect: make the link, follow it in a browser tab, authorize the outlet shop; the listener completes it.
  await channels.press(page.getByRole('button', { name: 'Kết nối gian hàng Shopee Outlet' }));
  await channels.press(page.getByRole('button', { name: 'Tạo liên kết kết nối' }));
  const link = page.getByRole('link', { name: /Shopee Outlet/ });
  await expect(link).toBeVisible();
  await shell.screenshot('channels-03-connect-link');
  const seller = await context.newPage();
  await seller.goto((await link.getAttribute('href'))!);
  await seller.locator('select[name="shop_id"]').selectOption(String(DEMO_SHOPEE_SHOP_IDS.outlet));
  await seller.locator('#authorize').click();
  await seller.waitForLoadState();
  await seller.close();
  await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: String(DEMO_SHOPEE_SHOP_IDS.outlet) })).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(outlet).toContainText('Đã kết nối');
  await expect(outlet).toContainText(String(DEMO_SHOPEE_SHOP_IDS.outlet));

  // Its own sync health, by Enter on its row.
  await outlet.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tình trạng đồng bộ — Shopee Outlet' })).toBeVisible();
  await shell.screenshot('channels-04-connected-vi');

  await shell.blur();
  await shell.toggleLanguage();
  await expect(page.getByRole('heading', { name: 'Sales channels' })).toBeVisible();
  await expect(channels.health).toBeVisible();
  await shell.screenshot('channels-05-connected-en');
});
