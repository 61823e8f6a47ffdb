import { expect, type Page } from '@playwright/test';

// "Kết nối Shopee — <account>": make the signed link, then either let the loopback listener catch
// Shopee's redirect or paste the address the seller's browser ended on. Keyboard only.

export class ShopeeConnectDialog {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: /^Kết nối Shopee — / });
  }

  /** "Tạo liên kết kết nối" (focused when the dialog opens); returns the link the seller opens. */
  async createLink(account: string): Promise<string> {
    const create = this.dialog.getByRole('button', { name: 'Tạo liên kết kết nối' });
    await expect(create).toBeFocused();
    await this.page.keyboard.press('Enter');
    const link = this.dialog.getByRole('link', { name: `Mở trang cho phép của Shopee cho ${account}` });
    await expect(link).toBeVisible();
    return (await link.getAttribute('href'))!;
  }

  /** The fallback: paste the address the browser showed after approving, Enter completes. */
  async paste(address: string): Promise<void> {
    const field = this.dialog.getByLabel('Hoặc dán địa chỉ trình duyệt hiển thị sau khi đồng ý');
    await field.focus();
    await field.fill(address);
    await this.page.keyboard.press('Enter');
  }

  /** The "connected" banner naming the shop id. */
  connected(shopId: number) {
    return this.dialog.getByRole('status').filter({ hasText: `#${shopId}` });
  }
}
