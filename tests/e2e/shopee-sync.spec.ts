import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOP_IDS } from '../../main/simulators/shopee/demo-defaults.js';
import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { ChannelsPage } from './pages/channels-page.js';
import { SyncPanel, UnmappedPage } from './pages/intake-pages.js';
import { ListingsPage } from './pages/listings-page.js';
import { OrdersPage } from './pages/orders-page.js';
import { ShopeeConnectDialog } from './pages/shopee-connect-dialog.js';
import { ShopeeSimulator } from './pages/shopee-simulator.js';
import { SignInPage } from './pages/sign-in-page.js';
import { StockAdjustDialog } from './pages/stock-adjust-dialog.js';
import { StockPage } from './pages/stock-page.js';

// Issue 5 §8, in the demo shop and its Shopee simulator: connect the seller's second shop through the
// approval page and the pasted-address fallback, see orders arrive, map the SKU no variant carries (its
// waiting order is then created), change the stock of a linked variant and see the pushed quantity in
// the push log and on Shopee.

const { main: MAIN_SHOP, outlet: OUTLET_SHOP } = DEMO_SHOPEE_SHOP_IDS;
// The outlet in the listings' shop list: its Shopee name (Packdesk Outlet), or the account's while Shopee gave none.
const OUTLET = /Outlet/;
// Listings of the demo catalogue (main/simulators/shopee/demo-defaults.ts).
const OUTLET_COFFEE = { itemId: '23000000201' }; // CF-ROB-500, a variant in the warehouse
const OUTLET_TEE_BLACK_M = { itemId: '9007199254741001', modelId: '9007199254900005' }; // AT-BASIC-DEN-M, ids above 2^53
const MAIN_DINNER_SET_6 = { itemId: '23000000102', modelId: '150000000201' }; // BD-BATTRANG-6: no variant has this SKU

test('shopee sync: connect a shop, orders arrive, map an unmapped SKU, a stock change is pushed', async ({ appPage: page, context }) => {
  test.setTimeout(240_000);
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const channels = new ChannelsPage(page);
  const connect = new ShopeeConnectDialog(page);
  const orders = new OrdersPage(page);
  const unmapped = new UnmappedPage(page);
  const listings = new ListingsPage(page);
  const [owner] = await signIn.startDemo();
  await signIn.signIn(owner.name, owner.pin);
  await expect(shell.statusBar).toContainText(owner.name);

  // The simulator the demo runs on is the demo account's base URL; its random buyers pause so only
  // this test's orders move the stock it checks.
  await channels.open();
  const sim = new ShopeeSimulator(await channels.baseUrlOf('Shopee (demo)'));
  await sim.pauseBuyers();

  // Connect: a second account for the seller's outlet shop; the seller approves in a browser on another
  // computer (the redirect to this one's listener never arrives) and pastes the address it ended on.
  await channels.createAccount({ name: 'Shopee Outlet', baseUrl: sim.baseUrl, partnerId: String(DEMO_SHOPEE_PARTNER.partnerId), partnerKey: DEMO_SHOPEE_PARTNER.partnerKey });
  await channels.save();
  await expect(channels.dialog).toBeHidden();
  await expect(channels.row('Shopee Outlet')).toContainText('Chưa kết nối');
  await channels.press(page.getByRole('button', { name: 'Kết nối gian hàng Shopee Outlet' }));
  const link = await connect.createLink('Shopee Outlet');
  const seller = await context.newPage();
  const address = await sim.approve(seller, link, OUTLET_SHOP, { elsewhere: true });
  await seller.close();
  await connect.paste(address);
  await expect(connect.connected(OUTLET_SHOP)).toBeVisible({ timeout: 20_000 });
  await shell.screenshot('shopee-sync-01-connected-by-paste');
  await page.keyboard.press('Escape');
  const outletRow = channels.row('Shopee Outlet');
  await expect(outletRow).toContainText('Đã kết nối');
  await expect(outletRow).toContainText(`#${OUTLET_SHOP}`);

  // Orders arrive: buyers order in both shops; one line is a listing no variant carries.
  const coffeeOrder = await sim.placeOrder(OUTLET_SHOP, [{ ...OUTLET_COFFEE, qty: 2 }]);
  const teeOrder = await sim.placeOrder(OUTLET_SHOP, [{ ...OUTLET_TEE_BLACK_M, qty: 1 }]);
  const dinnerOrder = await sim.placeOrder(MAIN_SHOP, [{ ...MAIN_DINNER_SET_6, qty: 1 }]);

  // The outlet's pull (Enter on its row shows its sync health) brings its two orders.
  await outletRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tình trạng đồng bộ — Shopee Outlet' })).toBeVisible();
  const outletSync = new SyncPanel(page, channels.health);
  await outletSync.syncUntil(() => expect(outletSync.value('Đơn nhận hôm nay')).toHaveText(/^[2-9]|\d\d/, { timeout: 5_000 }));
  await shell.screenshot('shopee-sync-02-outlet-pulled');

  // The demo shop's pull: its dinner-set order waits for a mapping.
  const demoRow = channels.row('Shopee (demo)');
  await demoRow.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Tình trạng đồng bộ — Shopee (demo)' })).toBeVisible();
  const demoSync = new SyncPanel(page, channels.health);
  const waiting = demoSync.panel.getByRole('link', { name: '1 đơn chờ ghép SKU: mở Cần ghép SKU' });
  await demoSync.syncUntil(() => expect(waiting).toBeVisible({ timeout: 5_000 }));
  await shell.screenshot('shopee-sync-03-needs-mapping');

  // The outlet's orders are in the order list, found by their Shopee order numbers.
  await shell.blur();
  await shell.goTo('orders');
  await orders.waitForRows();
  for (const sn of [coffeeOrder.order_sn, teeOrder.order_sn]) {
    await orders.search(sn);
    await expect(orders.rows).toHaveCount(1);
  }
  await shell.screenshot('shopee-sync-04-orders-arrived');
  // The dinner-set order is not an order yet: the search finds nothing.
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(dinnerOrder.order_sn);
  await expect(page.locator('.page-subtitle')).toHaveText('0 đơn');

  // Needs mapping, by the pull panel's link (G X goes there too): the dinner set, mapped once to a
  // variant; its waiting order is created.
  await channels.open();
  await demoRow.focus();
  await page.keyboard.press('Enter');
  await waiting.focus();
  await page.keyboard.press('Enter');
  await expect(unmapped.heading).toBeVisible();
  const dinnerRow = unmapped.row('BD-BATTRANG-6');
  await expect(dinnerRow).toContainText('Shopee (demo)');
  await shell.screenshot('shopee-sync-05-unmapped');
  await unmapped.map('BD-BATTRANG-6', 'Hộp cơm thủy tinh', /Hộp cơm thủy tinh 3 ngăn/);
  await expect(page.getByText(/^Đã ghép BD-BATTRANG-6 với \S+, tạo 1 đơn đang chờ$/)).toBeVisible();
  await expect(dinnerRow).toBeHidden();
  await shell.screenshot('shopee-sync-06-mapped');
  await shell.blur();
  await shell.goTo('orders');
  await orders.search(dinnerOrder.order_sn);
  await expect(orders.rows).toHaveCount(1);

  // Listings (G Y) of the outlet: pulled from Shopee, every listing linked by its SKU; each linked item
  // gets its first push.
  await shell.blur();
  await listings.open();
  await listings.chooseShop(OUTLET);
  await shell.blur();
  await listings.pull(/sản phẩm: 5 sẽ liên kết/);
  await expect(listings.row('CF-ROB-500')).toContainText('CF-ROB-500');
  const before = await listings.lastPushed('CF-ROB-500');
  await expect(listings.logLine('CF-ROB-500', 'Mới liên kết', before)).toBeVisible();
  await expect.poll(() => sim.stockOf(OUTLET_SHOP, 'CF-ROB-500')).toBe(before);
  await shell.screenshot('shopee-sync-07-linked');

  // The stock of the coffee is counted 5 higher in the main warehouse (Alt+4, search, Enter).
  await shell.blur();
  await shell.goTo('stock');
  const stock = new StockPage(page);
  const adjust = new StockAdjustDialog(page);
  await adjust.search('CF-ROB-500');
  const level = await stock.levels('CF-ROB-500');
  await adjust.count('CF-ROB-500', level.onHand + 5, 'Kiểm kê');
  await stock.expectLevels('CF-ROB-500', { ...level, onHand: level.onHand + 5, available: level.available + 5 });

  // The push log shows the new quantity; Shopee holds it.
  await shell.blur();
  await listings.open();
  await listings.chooseShop(OUTLET);
  await expect(listings.logLine('CF-ROB-500', 'Tồn kho thay đổi', before + 5)).toBeVisible({ timeout: 30_000 });
  // The list and the log are separate reads of the same committed result: the list may refresh a beat later.
  await expect.poll(() => listings.lastPushed('CF-ROB-500')).toBe(before + 5);
  // The log line is written once Shopee answered the update_stock that set it.
  expect(await sim.stockOf(OUTLET_SHOP, 'CF-ROB-500')).toBe(before + 5);
  await shell.screenshot('shopee-sync-08-pushed');
});
