import type { Session } from '../../../main/core/core.js';
import type { Sqlite } from '../../../main/store/open-database.js';
import { addOrder } from '../../fixtures/builders.js';
import { call, TEST_PIN, type In, type TestCore } from '../../fixtures/core.js';
import { placeAddress, shippingWorld, type ShippingWorld } from '../../fixtures/shipping.js';

// A shop that packs: the carrier simulators and accounts of the shipping tests, a warehouse that is
// every test station's warehouse, products with barcodes, and packers signed in at named desks.

export interface PackWorld extends ShippingWorld {
  db: Sqlite;
  /** A packer (or manager) signed in at the named desk. */
  desk(station: string, role?: 'packer' | 'manager'): Promise<Session>;
  /** A product with one variant, a barcode and plenty of stock; returns its variant id and barcode. */
  product(): Promise<{ variantId: number; barcode: string; sku: string }>;
  /** A confirmed order (ready_to_pack) with these lines, to a demo place both carriers serve. */
  order(lines: [variantId: number, quantity: number][], over?: Partial<In<'orders.create'>>): Promise<{ id: number; number: string }>;
}

let ean = 0;
const ean13 = () => {
  const body = `893999${String(++ean + Math.floor(Math.random() * 1000) * 1000).padStart(6, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
};

export async function packWorld(): Promise<PackWorld> {
  const w = await shippingWorld();
  const t: TestCore = w.t;
  await call(t.admin, 'stations.update', { name: 'Bàn 1', warehouseId: w.shop.warehouseId });
  await call(t.admin, 'stations.update', { name: 'Bàn 2', warehouseId: w.shop.warehouseId });
  return {
    ...w,
    db: t.core.store.sqlite,
    async desk(station, role = 'packer') {
      const s = t.core.openSession({ station });
      await call(s, 'session.signIn', { operatorId: await t.operatorId(role), pin: TEST_PIN });
      return s;
    },
    async product() {
      const barcode = ean13();
      const sku = `PK${barcode.slice(-6)}`;
      const p = await call(t.admin, 'catalog.create', {
        name: `Áo thun ${sku}`, sku,
        variants: [{ sku: `${sku}-M`, attributes: [{ name: 'Size', value: 'M' }], barcodes: [barcode], price: 150_000, cost: 60_000, weightG: 200, initialStock: [{ warehouseId: w.shop.warehouseId, quantity: 1000 }] }],
      });
      return { variantId: p.variants[0].id, barcode, sku: `${sku}-M` };
    },
    order: (lines, over = {}) => addOrder(t.admin, w.shop.warehouseId, lines, { address: placeAddress('hn-cau-giay'), ...over }),
  };
}

