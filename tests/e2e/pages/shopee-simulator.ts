import { expect, type Page } from '@playwright/test';

// The Shopee side of the demo shop: the simulator the demo launches on a loopback port. Its control API
// (POST /__control/<name>, JSON) plays the buyers and reads what Shopee holds; its approval page plays
// the seller approving the app in a browser.

export interface SimOrderLine {
  item_id: string;
  model_id: string;
  model_sku: string;
  qty: number;
}

export interface SimOrder {
  order_sn: string;
  shop_id: number;
  status: string;
  lines: SimOrderLine[];
}

interface SimItem {
  item_id: string;
  item_sku: string;
  models: { model_id: string; model_sku: string; stock: number }[];
}

export class ShopeeSimulator {
  constructor(readonly baseUrl: string) {}

  /** One control call; ids are sent as decimal strings so none above 2^53 loses digits. */
  async control<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(new URL(`/__control/${name}`, this.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
    const body = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`Shopee simulator ${name}: ${body.error ?? res.status}`);
    return body;
  }

  /** No random buyers while the test runs: only the orders it places move the stock it checks. */
  async pauseBuyers(): Promise<void> {
    await this.control('generation', { ordersPerMinute: 0 });
  }

  /** A paid (COD) order placed now, one line per entry. */
  async placeOrder(shopId: number, lines: { itemId: string; modelId?: string; qty: number }[]): Promise<SimOrder> {
    return this.control<SimOrder>('create_order', { shop_id: shopId, cod: true, lines: lines.map((l) => ({ item_id: l.itemId, model_id: l.modelId ?? '0', qty: l.qty })) });
  }

  /** The stock Shopee shows for a model SKU of a shop. */
  async stockOf(shopId: number, sku: string): Promise<number> {
    const { items } = await this.control<{ items: SimItem[] }>('items', { shop_id: shopId });
    const model = items.flatMap((i) => i.models.map((m) => ({ ...m, sku: m.model_sku || i.item_sku }))).find((m) => m.sku === sku);
    if (!model) throw new Error(`Shopee simulator: shop ${shopId} lists no ${sku}`);
    return model.stock;
  }

  /**
   * The seller opens the authorization link, picks the shop and approves. With `elsewhere`, the browser is
   * on another computer: Shopee's redirect to this computer's listener never arrives (the page fails to
   * load) and the seller copies the address from the address bar instead. Returns that address.
   */
  async approve(seller: Page, link: string, shopId: number, opts: { elsewhere?: boolean } = {}): Promise<string> {
    let arrived = '';
    // Playwright routes no redirect, so the approval itself is routed: Shopee's answer is read, and on
    // another computer the browser's trip to the address it names fails.
    await seller.route((url) => url.pathname.endsWith('/shop/auth_partner/authorize'), async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      arrived = answer.headers().location ?? '';
      if (opts.elsewhere) await route.abort('connectionrefused');
      else await route.fulfill({ response: answer });
    });
    await seller.goto(link);
    await expect(seller.getByRole('heading', { name: /Ủy quyền cho ứng dụng/ })).toBeVisible();
    await seller.getByRole('combobox').selectOption(String(shopId));
    await seller.getByRole('button', { name: 'Authorize' }).press('Enter');
    await expect.poll(() => arrived, { timeout: 15_000 }).toContain(`shop_id=${shopId}`);
    return arrived;
  }
}
