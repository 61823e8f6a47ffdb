import { expect, test } from './fixtures.js';
import { AppShell } from './pages/app-shell.js';
import { SignInPage } from './pages/sign-in-page.js';

// The demo station's printers by keyboard: the Printers tab lists the virtual printers, a test print
// lands on the virtual printer screen as an image, and a language that cannot print on the chosen
// media is refused in the form with a translated message.
test('printers tab, test print to the virtual printer, label preview', async ({ appPage: page }) => {
  const shell = new AppShell(page);
  const signIn = new SignInPage(page);
  // A hash change keeps the signed-in page (a reload would sign out).
  const goToHash = (hash: string) => page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
  const [admin] = await signIn.startDemo();
  await signIn.signIn(admin.name, admin.pin);

  await expect(shell.statusBar).toContainText(admin.name);
  await goToHash('#/station?tab=printer');
  const printers = page.getByRole('table', { name: 'Danh sách máy in' });
  await expect(printers).toContainText('Máy in tem (ảo)');
  await expect(printers).toContainText('Máy in phiếu (ảo)');
  await page.getByRole('button', { name: 'Kiểm tra trạng thái Máy in tem (ảo)' }).click();
  await expect(printers).toContainText('Sẵn sàng');
  await page.getByRole('button', { name: 'In thử trên Máy in tem (ảo)' }).click();
  const queue = page.getByRole('table', { name: 'Lệnh in gần đây của trạm' });
  await expect(queue).toContainText('Đã in');
  await shell.screenshot('printing-01-printers-tab');

  await page.getByRole('button', { name: /^Xem trước lệnh in/ }).first().click();
  await expect(page.getByRole('img', { name: 'Ảnh tem đúng như máy in sẽ in' })).toBeVisible();
  await shell.screenshot('printing-02-preview');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Thêm máy in' }).click();
  await page.getByLabel('Tên máy in').fill('Zebra bàn 2');
  await page.getByLabel('Địa chỉ IP hoặc tên máy').fill('192.168.1.60');
  await page.getByLabel('Ngôn ngữ máy in').selectOption('zpl');
  await page.getByLabel('Khổ giấy').selectOption('80mm');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toContainText('Cuộn 58/80 mm là máy in hóa đơn');
  await shell.screenshot('printing-03-form-refused');
  await page.keyboard.press('Escape');

  await goToHash('#/printing/virtual');
  const labels = page.getByRole('list', { name: 'Tem đã in' });
  await expect(labels.getByRole('img').first()).toBeVisible();
  await shell.screenshot('printing-04-virtual-printer');
});
