import { demoEan13 } from '../../main/domain/demo/seed-demo.js';
import { readPngBarcodes } from '../fixtures/labels/read-barcodes.js';
import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { PackPage } from './pages/pack-page.js';
import { SignInPage } from './pages/sign-in-page.js';

interface Line { sku: string; quantity: number; verifiedQty: number; barcodes: string[] }
interface Session { id: number; order: { id: number; number: string; status: string }; lines: Line[] }

// The demo shop's packer at the demo station, with a scanner and a keyboard only.
test('pack station: scan to open, scan the items, weigh, label with its tracking number, next order; refusals and a cancellation', async ({ appPage: page }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const pack = new PackPage(page);
  const operators = await signIn.startDemo();
  const packer = operators.find((o) => o.name.startsWith('Đóng gói'))!;
  await signIn.signIn(packer.name, packer.pin);
  await pack.open();
  await shell.screenshot('pack-01-queue');

  // Open the first order of the queue by scanning its number.
  const queue = await pack.call<{ orders: { id: number; number: string }[] }>('packing.queue', {});
  expect(queue.orders.length).toBeGreaterThanOrEqual(3);
  const first = queue.orders[0];
  await pack.scanner.scan(first.number);
  await pack.expectOrderOpen(first.number);
  const session = (await pack.call<Session>('packing.current', {}));
  const line = session.lines[0];

  // A product that is not in the order: refused, said so, nothing counted.
  const inOrder = new Set(session.lines.flatMap((l) => l.barcodes));
  const stranger = Array.from({ length: 40 }, (_, i) => demoEan13(i + 1)).find((b) => !inOrder.has(b))!;
  await pack.scanner.scan(stranger);
  await expect(pack.feedback).toContainText('Sai sản phẩm');
  await expect(pack.feedback).toHaveClass(/pack-feedback-error/);
  expect(await pack.count(line.sku)).toBe(`0/${line.quantity}`);
  await shell.screenshot('pack-02-wrong-item');

  // Every unit, one scanner burst each (see PackPage.scanUnits).
  const scanUnits = (l: Line) => pack.scanUnits(l);
  await scanUnits(line);
  const others = session.lines.slice(1);
  // The weight is still missing, so nothing completes yet: one unit too many is refused.
  await page.waitForTimeout(200);
  await pack.scanner.scan(line.barcodes[0]);
  await expect(pack.feedback).toContainText(`Thừa: ${line.sku} đã đủ ${line.quantity}/${line.quantity}`);
  expect(await pack.count(line.sku)).toBe(`${line.quantity}/${line.quantity}`);
  await shell.screenshot('pack-03-extra-unit');
  for (const l of others) await scanUnits(l);
  for (const l of session.lines) await expect.poll(() => pack.count(l.sku)).toBe(`${l.quantity}/${l.quantity}`);
  await shell.screenshot('pack-04-all-verified');

  // The weight, then no click: booked, label queued, packed, and the next order opens.
  await pack.typeWeight(450);
  await expect(pack.feedback).toContainText(`Đã đóng gói ${first.number}`);
  await expect(pack.heading).not.toHaveText(`Đóng gói đơn ${first.number}`);
  await expect(pack.heading).toHaveText(/^Đóng gói đơn /);
  expect((await pack.call<{ status: string }>('orders.get', { id: first.id })).status).toBe('packed');

  // The label reaches the virtual printer once the carrier answered, with the tracking number as a barcode.
  let tracking = '';
  await expect.poll(async () => {
    const s = await pack.call<{ shipments: { trackingNumber: string | null }[] }>('shipping.forOrder', { orderId: first.id });
    tracking = s.shipments.find((x) => x.trackingNumber)?.trackingNumber ?? '';
    return tracking;
  }, { timeout: 30_000 }).not.toBe('');
  let decoded: string[] = [];
  await expect.poll(async () => {
    const labels = await pack.call<{ printer: string; pngBase64: string }[]>('printers.virtualRecent', { limit: 10 });
    decoded = [];
    for (const l of labels.filter((x) => x.printer === 'label')) decoded.push(...(await readPngBarcodes(Buffer.from(l.pngBase64, 'base64'))).map((f) => f.text));
    return decoded.includes(tracking);
  }, { timeout: 45_000, intervals: [500] }).toBe(true);
  await shell.screenshot('pack-05-next-order');

  // The next order is cancelled (through the API) while it is open: the screen blocks it, no label.
  const next = await pack.call<Session>('packing.current', {});
  const nl = next.lines[0];
  await pack.scanner.scan(nl.barcodes[0]);
  await expect.poll(() => pack.count(nl.sku)).toBe(`1/${nl.quantity}`);
  await pack.call('orders.cancel', { id: next.order.id, reason: 'Sàn báo khách hủy' });
  await expect(pack.cancelledBanner).toContainText('Đơn đã bị hủy.');
  // The same barcode again: past the station's dedupe window, or the scanner takes it for trigger bounce.
  await page.waitForTimeout(200);
  await pack.scanner.scan(nl.barcodes[0]);
  await expect(pack.feedback).toContainText('Đơn đã bị hủy');
  await shell.screenshot('pack-06-cancelled');
  const jobs = await pack.call<{ orderId: number | null }[]>('print.queue', { limit: 50 });
  expect(jobs.filter((j) => j.orderId === next.order.id)).toEqual([]);
  expect((await pack.call<{ shipments: unknown[] }>('shipping.forOrder', { orderId: next.order.id })).shipments).toEqual([]);
});

// A pick list scanned at the desk opens its orders one after another; one cancelled meanwhile is skipped.
test('pack station: a scanned pick list opens its orders in turn, skipping one no longer ready to pack', async ({ appPage: page }) => {
  test.setTimeout(180_000);
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  const pack = new PackPage(page);
  const operators = await signIn.startDemo();
  const packer = operators.find((o) => o.name.startsWith('Đóng gói'))!;
  await signIn.signIn(packer.name, packer.pin);
  await pack.open();

  const queue = await pack.call<{ orders: { id: number }[] }>('packing.queue', {});
  const list = await pack.call<{ id: number; code: string; orders: { id: number; number: string }[] }>('picking.create', { orderIds: queue.orders.slice(0, 3).map((o) => o.id) });
  const [first, gone, third] = list.orders;
  await pack.call('orders.cancel', { id: gone.id, reason: 'Khách đổi ý' });

  await pack.scanner.scan(list.code);
  await pack.expectOrderOpen(first.number);
  const session = await pack.call<Session>('packing.current', {});
  for (const l of session.lines) await pack.scanUnits(l);
  await pack.typeWeight(300);

  // Packed, the cancelled order skipped with a note naming it, and the third one open: no key pressed.
  await pack.expectOrderOpen(third.number);
  await expect(pack.feedback).toContainText(`Đã đóng gói ${first.number}`);
  await expect(pack.feedback).toContainText(`Bỏ qua 1 đơn không còn chờ đóng gói (${gone.number}: Đã hủy)`);
  await expect(pack.feedback).toContainText(`Đã mở đơn ${third.number}`);
  await shell.screenshot('pack-07-pick-list-next');
  expect(await pack.call<{ status: string; packedCount: number; cancelledCount: number }>('picking.get', { id: list.id }))
    .toMatchObject({ status: 'open', packedCount: 1, cancelledCount: 1 });

  // The same screens in English, to look at: the open order, then the pick lists (G L) and the list's detail.
  await pack.call('session.setLocale', { locale: 'en' });
  await expect(pack.heading).toHaveText(`Packing order ${third.number}`);
  await shell.screenshot('pack-08-open-en');
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { level: 1, name: 'Pick lists' })).toBeVisible();
  await expect(page.getByTestId('pick-progress').first()).toContainText('Packed 1/3');
  await shell.screenshot('pick-lists-en');
});
