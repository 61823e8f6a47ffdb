import { createServer, type Server } from 'node:http';
import { createCanvas } from '@napi-rs/canvas';
import type { PublishDraft } from '../../../main/api/listing-publish.js';
import { call } from '../../fixtures/core.js';
import { waitFor, type ListingsSetup } from './listings-fixture.js';

// A product with Màu × Size variants and two catalogue images (one on a loopback web server, one data:
// URL), and the draft a seller would fill in for the simulator's "Áo thun" category.

export const CATEGORY = '100351';
export const BRAND = '100037';
export const MATERIAL = '100134';
export const SPX = '50021';

/** A real image, encoded by canvas (the simulator checks the bytes, not the name). */
export function imageBytes(kind: 'png' | 'jpeg', colour = '#c0392b'): Buffer {
  const c = createCanvas(64, 64);
  const g = c.getContext('2d');
  g.fillStyle = colour;
  g.fillRect(0, 0, 64, 64);
  return kind === 'png' ? c.toBuffer('image/png') : c.toBuffer('image/jpeg');
}

export class ImageServer {
  server: Server | null = null;
  url = '';
  readonly files = new Map<string, { type: string; body: Buffer }>();
  hits = 0;
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.hits += 1;
      const f = this.files.get(req.url ?? '');
      if (!f) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'Content-Type': f.type, 'Content-Length': f.body.length }).end(f.body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export async function poloProduct(s: ListingsSetup, images: string[], sku = 'P-POLO') {
  const variants = [['DO', 'Đỏ'], ['XA', 'Xanh']].flatMap(([c, colour]) => ['M', 'L'].map((size) => ({
    sku: `${sku}-${c}-${size}`, attributes: [{ name: 'Màu', value: colour }, { name: 'Size', value: size }],
    price: size === 'L' ? 189_000 : 179_000, weightG: 280, lengthCm: 30, widthCm: 25, heightCm: 4,
    initialStock: [{ warehouseId: s.warehouseId, quantity: 6 }],
  })));
  return call(s.t.admin, 'catalog.create', { name: 'Áo polo cá sấu', sku, description: 'Áo polo', images, variants });
}

export const DESCRIPTION = 'Áo polo vải cá sấu 100% cotton, thấm hút mồ hôi, form suông dễ mặc, đường may chắc chắn, giữ màu sau nhiều lần giặt.';

export function draftFor(product: { variants: { id: number; price: number }[]; images: string[] }, attributes: PublishDraft['attributes']): PublishDraft {
  return {
    categoryId: CATEGORY, categoryPath: 'Thời Trang Nữ > Áo thun', itemName: 'Áo polo cá sấu cotton', description: DESCRIPTION,
    attributes, images: product.images, logisticsIds: [SPX], weightG: 280, lengthCm: 30, widthCm: 25, heightCm: 4,
    models: product.variants.map((v) => ({ variantId: v.id, price: v.price })),
  };
}

export const fullAttributes: PublishDraft['attributes'] = [
  { attributeId: BRAND, valueIds: ['0'], text: '' },
  { attributeId: MATERIAL, valueIds: ['2210'], text: '' },
  { attributeId: '100010', valueIds: [], text: 'Việt Nam' },
];

export const publicationOf = (s: ListingsSetup, accountId: number, productId: number) =>
  s.t.core.store.prepare('SELECT * FROM listing_publications WHERE account_id = ? AND product_id = ?').get(accountId, productId) as
    { id: number; status: string; step: string; item_id: string | null; field_errors_json: string; images_json: string; attempt: number } | undefined;

export const waitStatus = (s: ListingsSetup, accountId: number, productId: number, statuses: string[], timeoutMs = 15_000) =>
  waitFor(`publication ${statuses.join('|')}`, () => {
    const p = publicationOf(s, accountId, productId);
    return p && statuses.includes(p.status) ? p : undefined;
  }, timeoutMs);

export const requestsTo = (s: ListingsSetup, path: string) => s.sim.control.requests().filter((r) => r.path.endsWith(path)).length;
