import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleWebhook, type WebhookSink } from '../hosts/web/webhook-route.js';
import { DEMO_GHN_SHOP_ID, DEMO_GHN_TOKEN, DEMO_VTP_PASSWORD, DEMO_VTP_USERNAME, DEMO_VTP_WEBHOOK_SECRET } from './demo-accounts.js';
import { startDemoPrinters, type DemoPrinters } from './demo-printers.js';
import { startGhnSimulator } from './ghn/ghn-simulator.js';
import { DEMO_SHOPEE_GENERATION, DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOPS, startShopeeSimulator } from './shopee/index.js';
import type { GhnPathName } from './ghn/statuses.js';
import { startViettelPostSimulator } from './viettelpost/viettelpost-simulator.js';
import type { VtpPathName } from './viettelpost/statuses.js';

export interface DemoNetwork {
  ghnUrl: string;
  vtpUrl: string;
  /** The Shopee simulator (the demo partner and its two shops). */
  shopeeUrl: string;
  /** What the seller's approval page would hand out: a single-use authorization code for a demo shop. */
  shopeeAuthCode(shopId: number): string;
  /** Virtual label (TSPL) and slip (ESC/POS) printers on loopback that the demo station prints to. */
  printers?: DemoPrinters;
  close(): Promise<void>;
}

// Most demo parcels are delivered; some fail and come back, so the exceptions list has something to show.
const ghnPath = (n: number): GhnPathName => (['cod', 'happy', 'cod', 'return', 'cod', 'happy', 'lost', 'cod', 'happy', 'cod'] as const)[n % 10];
const vtpPath = (n: number): VtpPathName => (['happy', 'happy', 'failThenDecision', 'happy', 'redeliveredByUnit', 'happy', 'destroyed', 'happy'] as const)[n % 8];

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/**
 * The demo shop's outside world on loopback: GHN, Viettel Post and Shopee simulators wired as real accounts,
 * and a small receiver for Viettel Post's status callbacks (its only status channel), so the demo
 * behaves like production in Electron and in browser mode alike.
 */
export async function startDemoNetwork(opts: { sink: WebhookSink; advanceEveryMs?: number; onPrinterLabel?: () => void }): Promise<DemoNetwork> {
  const receiver: Server = createServer((req, res) => handleWebhook(req, res, new URL(req.url ?? '/', 'http://x').pathname, opts.sink));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const advanceEveryMs = opts.advanceEveryMs ?? 60_000;
  const ghn = await startGhnSimulator({
    tokens: [DEMO_GHN_TOKEN], shops: [DEMO_GHN_SHOP_ID], advanceEveryMs, seed: 2025,
    pathFor: (o) => ghnPath(hash(o.client_order_code ?? o.order_code)),
  });
  const vtp = await startViettelPostSimulator({
    users: [{ username: DEMO_VTP_USERNAME, password: DEMO_VTP_PASSWORD }], advanceEveryMs, seed: 2025,
    webhook: { url: `${receiverUrl}/webhooks/viettelpost`, secret: DEMO_VTP_WEBHOOK_SECRET },
    pathFor: (o) => vtpPath(hash(o.reference)),
  });
  const shopee = await startShopeeSimulator({ partners: [DEMO_SHOPEE_PARTNER], shops: DEMO_SHOPEE_SHOPS, generation: DEMO_SHOPEE_GENERATION, seed: 2025 });
  const printers = await startDemoPrinters({ onLabel: opts.onPrinterLabel });
  return {
    ghnUrl: ghn.url,
    vtpUrl: vtp.url,
    shopeeUrl: shopee.url,
    shopeeAuthCode: (shopId) => shopee.control.issueAuthCode(shopId),
    printers,
    async close() {
      await Promise.allSettled([ghn.close(), vtp.close(), shopee.close(), printers.close(), new Promise<void>((r) => receiver.close(() => r()))]);
    },
  };
}
