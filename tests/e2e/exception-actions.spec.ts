import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { openException } from '../../main/domain/shipping/exceptions.js';
import { addOrder, addVariant, addWarehouse } from '../fixtures/builders.js';
import { makeCore, TEST_PIN } from '../fixtures/core.js';
import { startWebHost } from '../fixtures/web-host-process.js';
import { AppShell } from './pages/app-shell.js';
import { ExceptionsPage } from './pages/exceptions-page.js';
import { SignInPage } from './pages/sign-in-page.js';

// The exceptions screen with the operator's actions: a Shopee order cancelled after packing (unpack and
// restock; ship anyway refused with the reason shown), a shop's own order (ship anyway, a manager's
// call) and a failed Shopee pickup (re-arrange). The packed orders are seeded straight into a data
// folder (the domain paths that lead there are covered by the integration tests); the screen then runs
// on the web host, by keyboard.

interface Seeded { url: string; numbers: { shopee: string; manual: string; retry: string }; dataDir: string; child: ChildProcess }

async function seed(dataDir: string) {
  const t = await makeCore({ dir: dataDir, core: { runJobs: false } });
  const db = t.core.store.sqlite;
  const w = await addWarehouse(t.admin);
  const variantId = await addVariant(t.admin, w.id, 40);
  const packed = async (qty: number) => {
    const o = await addOrder(t.admin, w.id, [[variantId, qty]]);
    db.prepare("UPDATE order_lines SET verified_qty = quantity WHERE order_id = ?").run(o.id);
    db.prepare("UPDATE orders SET status = 'packed' WHERE id = ?").run(o.id);
    return o;
  };
  const account = Number(db.prepare("INSERT INTO connector_accounts (provider, name, environment, created_at, updated_at) VALUES ('shopee', 'Shopee', 'custom', 0, 0)").run().lastInsertRowid);
  const asShopee = (id: number, sn: string, status: string, pkg: string) => {
    db.prepare("UPDATE orders SET channel = 'shopee', external_id = ? WHERE id = ?").run(sn, id);
    db.prepare(`INSERT INTO marketplace_orders (account_id, external_id, order_id, state, marketplace_status, package_status, hold, blocks_packing, update_time, created_at, updated_at)
      VALUES (?, ?, ?, 'imported', ?, ?, '', 0, 1, 0, 0)`).run(account, sn, id, status, pkg);
  };
  const shopee = await packed(2);
  asShopee(shopee.id, '251127SPCANCEL1', 'CANCELLED', 'LOGISTICS_REQUEST_CANCELED');
  const manual = await packed(1);
  const retry = await packed(1);
  asShopee(retry.id, '251127SPRETRY01', 'RETRY_SHIP', 'LOGISTICS_PICKUP_RETRY');
  const now = Date.now();
  t.core.store.tx(() => {
    openException(t.core.store, { kind: 'marketplace_cancel_after_pack', orderId: shopee.id, ref: '251127SPCANCEL1', message: 'shopee cancelled order 251127SPCANCEL1 after it was packed: Đổi ý', details: { channel: 'shopee', externalId: '251127SPCANCEL1', orderStatus: 'packed', cancelReason: 'Đổi ý' } }, now - 60_000);
    openException(t.core.store, { kind: 'marketplace_cancel_after_pack', orderId: manual.id, ref: manual.number, message: `The buyer cancelled order ${manual.number} by phone after it was packed`, details: { channel: 'manual' } }, now - 30_000);
    openException(t.core.store, { kind: 'marketplace_pickup_retry', orderId: retry.id, ref: '251127SPRETRY01', message: 'shopee: the carrier could not pick up order 251127SPRETRY01; arrange the pickup again', details: { channel: 'shopee', externalId: '251127SPRETRY01' } }, now);
  });
  await t.close();
  return { shopee: shopee.number, manual: manual.number, retry: retry.number };
}

const test = base.extend<{ seeded: Seeded }>({
  // eslint-disable-next-line no-empty-pattern
  seeded: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'packdesk-e2e-exc-'));
    const numbers = await seed(dataDir);
    const { url, child } = await startWebHost(dataDir);
    await use({ url, numbers, dataDir, child });
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  },
});

test('exceptions: unpack and restock with a confirmation, ship anyway only where allowed, re-arrange offered', async ({ page, seeded }) => {
  const shell = new AppShell(page);
  const screen = new ExceptionsPage(page);
  const { numbers } = seeded;
  await page.goto(seeded.url);
  await new SignInPage(page).signIn('Test admin', TEST_PIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Đơn hàng' })).toBeVisible();
  await shell.goTo('exceptions');
  await expect(page.getByRole('heading', { level: 1, name: 'Sự cố giao hàng' })).toBeVisible();
  await expect(screen.row(numbers.shopee)).toContainText('Sàn huỷ đơn sau khi đã đóng gói');
  // What happened, in Vietnamese from the exception's details (the core's message is English).
  await expect(screen.row(numbers.shopee)).toContainText('Shopee đã huỷ đơn 251127SPCANCEL1 khi đơn đang «Đã đóng gói»: Đổi ý');
  await expect(screen.row(numbers.retry)).toContainText('Shopee: đơn vị vận chuyển chưa lấy được hàng của đơn 251127SPRETRY01');
  // Shopee does not let a cancelled order ship: the row says why instead of offering it.
  await expect(screen.row(numbers.shopee)).toContainText('Vẫn giao: sàn đã huỷ đơn, không giao qua sàn được nữa');
  await expect(page.getByRole('button', { name: `Vẫn giao đơn ${numbers.shopee}` })).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Vẫn giao đơn ${numbers.manual}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Sắp xếp lại lấy hàng cho đơn ${numbers.retry}` })).toBeVisible();
  await shell.screenshot('exceptions-01-actions');

  // Unpack and restock asks first (destructive); Esc backs out, changing nothing.
  await screen.press(`Gỡ kiện và nhập lại kho đơn ${numbers.shopee}`);
  const unpack = screen.dialog(`Gỡ kiện và nhập lại kho · ${numbers.shopee}`);
  await expect(unpack).toBeVisible();
  await expect(unpack).toContainText('Việc này không hoàn tác được');
  await expect(unpack.getByLabel('Ghi chú (không bắt buộc)')).toBeFocused();
  await shell.screenshot('exceptions-02-unpack-confirm');
  await page.keyboard.press('Escape');
  await expect(unpack).toHaveCount(0);
  await expect(screen.row(numbers.shopee)).toHaveCount(1);
  await screen.press(`Gỡ kiện và nhập lại kho đơn ${numbers.shopee}`);
  await page.keyboard.type('Đã gỡ kiện, hàng về kệ A-01');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(`Đã gỡ kiện và nhập lại kho đơn ${numbers.shopee}.`)).toBeVisible();
  await expect(screen.row(numbers.shopee)).toHaveCount(0);

  // Ship anyway on the shop's own order (a manager's call).
  await screen.press(`Vẫn giao đơn ${numbers.manual}`);
  const ship = screen.dialog(`Vẫn giao · ${numbers.manual}`);
  await expect(ship).toBeVisible();
  await page.keyboard.type('Khách gọi lại, vẫn lấy hàng');
  await page.keyboard.press('Control+Enter');
  await expect(screen.row(numbers.manual)).toHaveCount(0);

  // Both show under "resolved" with how they were handled.
  await screen.page.getByRole('group', { name: 'Lọc theo tình trạng xử lý' }).getByRole('button', { name: /^Đã xử lý/ }).focus();
  await page.keyboard.press('Space');
  await expect(screen.row(numbers.shopee)).toContainText('Unpacked and restocked: Đã gỡ kiện, hàng về kệ A-01');
  await expect(screen.row(numbers.manual)).toContainText('Ship anyway: Khách gọi lại, vẫn lấy hàng');
  await shell.screenshot('exceptions-03-resolved');

  await page.getByRole('group', { name: 'Lọc theo tình trạng xử lý' }).getByRole('button', { name: /^Chưa xử lý/ }).focus();
  await page.keyboard.press('Space');
  await shell.blur();
  await shell.toggleLanguage();
  await expect(page.getByRole('button', { name: `Re-arrange the pickup of order ${numbers.retry}` })).toBeVisible();
  await shell.screenshot('exceptions-04-en');
});
