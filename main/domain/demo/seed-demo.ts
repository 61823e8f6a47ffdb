import type { Store } from '../../store/store.js';
import { gtinCheckDigit } from '../shared/barcode.js';
import { getSetting, setSetting } from '../shared/settings.js';
import { saveStation } from '../stations/station-repo.js';
import { createProduct } from '../catalog/catalog-service.js';
import { createOperator } from '../operators/operators-service.js';
import { cancelOrder, createManualOrder, transitionOrder } from '../orders/order-commands.js';
import type { OrderStatus } from '../orders/order-state-machine.js';
import { demoProductImage } from './demo-images.js';
import { DEMO_CUSTOMERS, DEMO_OPERATORS, DEMO_PRODUCTS, DEMO_SHOPEE_MATCHED, DEMO_WAREHOUSES } from './demo-data.js';
import { DEMO_PLACES } from '../../simulators/demo-geography.js';
import { toStoredAddress } from '../shared/address.js';

const place = (id: string) => DEMO_PLACES.find((p) => p.id === id)!;

/** An address in the demo geography, in the 2025 form or (legacyOnly) the old three-level one. */
function demoAddress(placeId: string, name: string, phone: string, legacyOnly = false) {
  const p = place(placeId);
  return legacyOnly
    ? { recipientName: name, phone, street: p.street, provinceName: '', wardName: '', legacy: { provinceName: p.legacy.province, districtName: p.legacy.district, wardName: p.legacy.ward } }
    : { recipientName: name, phone, street: p.street, provinceName: p.province, wardName: p.ward };
}

/** A small seeded generator, so every demo shop looks the same and tests can rely on it. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const colourCode = (c: string) => {
  const words = c.split(' ');
  return words.length > 1 ? words.map((w) => ascii(w)[0]).join('') : ascii(c).slice(0, 3);
};

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').replace(/[^A-Za-z0-9]/g, '').toUpperCase();

/** Vietnam's GS1 prefix 893, a made-up company and item number, and a correct check digit. */
export const demoEan13 = (n: number) => {
  const body = `893604${String(n).padStart(6, '0')}`;
  return body + gtinCheckDigit(body);
};

// The lifecycle the demo orders are walked through, in creation order (oldest first).
const PLAN: OrderStatus[] = [
  'completed', 'completed', 'delivered', 'delivered', 'delivered', 'cancelled', 'shipped', 'shipped', 'shipped', 'shipped',
  'packed', 'packed', 'packed', 'packing', 'packing', 'cancelled', 'ready_to_pack', 'ready_to_pack', 'ready_to_pack', 'ready_to_pack',
  'ready_to_pack', 'ready_to_pack', 'ready_to_pack', 'ready_to_pack', 'awaiting_stock', 'awaiting_stock', 'awaiting_stock', 'new', 'new', 'new', 'new',
];

const PATH: Partial<Record<OrderStatus, OrderStatus[]>> = {
  packing: ['packing'],
  packed: ['packing', 'packed'],
  shipped: ['packing', 'packed', 'shipped'],
  delivered: ['packing', 'packed', 'shipped', 'delivered'],
  completed: ['packing', 'packed', 'shipped', 'delivered', 'completed'],
};

export function seedDemo(store: Store, now: number) {
  const rand = prng(20251127);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const ops = DEMO_OPERATORS.map((o) => ({ ...createOperator(store, o, now), pin: o.pin }));
  const admin = { operatorId: ops[0].id, at: now - 8 * 86_400_000 };

  const warehouseIds = DEMO_WAREHOUSES.map((w) => {
    const p = place(w.place);
    // Both forms, as a shop that registered its pickup address before the reform has it.
    const address = toStoredAddress({ ...demoAddress(w.place, w.contactName, w.contactPhone), legacy: { provinceName: p.legacy.province, districtName: p.legacy.district, wardName: p.legacy.ward } });
    const r = store
      .prepare(`INSERT INTO warehouses (code, name, address, address_json, contact_name, contact_phone, type, active, allow_negative, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)`)
      .run(w.code, w.name, address.rawText, JSON.stringify(address), w.contactName, w.contactPhone, w.type, admin.at, admin.at);
    return Number(r.lastInsertRowid);
  });

  let barcode = 1;
  const variantIds: number[] = [];
  DEMO_PRODUCTS.forEach((p, i) => {
    const sku = `${ascii(p.name).slice(0, 6)}${String(i + 1).padStart(2, '0')}`;
    const colours = p.colours ?? [null];
    const sizes = p.sizes ?? [null];
    const variants = colours.flatMap((c, ci) =>
      sizes.map((s, si) => ({
        sku: [sku, c && colourCode(c), s].filter(Boolean).join('-'),
        attributes: [...(c ? [{ name: 'Màu', value: c }] : []), ...(s ? [{ name: 'Size', value: s }] : [])],
        barcodes: [demoEan13(barcode++)],
        price: p.price, cost: p.cost, vatRate: p.vat ?? '8', weightG: p.weightG,
        lengthCm: 25, widthCm: 20, heightCm: 5, active: true,
        initialStock: [
          // The first product is kept scarce in HCM so some demo orders wait for stock.
          { warehouseId: warehouseIds[0], quantity: i === 0 && ci + si === 0 ? 1 : 12 + Math.floor(rand() * 40), binCode: `A-${String((i % 12) + 1).padStart(2, '0')}-${1 + (i % 4)}` },
          { warehouseId: warehouseIds[1], quantity: Math.floor(rand() * 15) },
        ],
      })),
    );
    const productId = createProduct(store, {
      name: p.name, sku, category: p.category, brand: p.brand, description: `${p.name} chính hãng ${p.brand}.`,
      specs: [{ key: 'Thương hiệu', value: p.brand }, { key: 'Xuất xứ', value: 'Việt Nam' }], images: [demoProductImage(i)], videoUrl: '', active: true, variants,
    }, admin);
    const ids = store.prepare('SELECT id FROM variants WHERE product_id = ? ORDER BY id').all(productId) as { id: number }[];
    variantIds.push(...ids.map((r) => r.id));
  });
  const scarce = (store.prepare('SELECT id FROM variants ORDER BY id LIMIT 1').get() as { id: number }).id;

  PLAN.forEach((target, i) => {
    const c = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length];
    const at = now - (PLAN.length - i) * 5 * 3_600_000;
    const actor = { operatorId: pick(ops).id, at };
    const lineCount = 1 + Math.floor(rand() * 3);
    const lines = target === 'awaiting_stock'
      ? [{ variantId: scarce, quantity: 2 }]
      : Array.from({ length: lineCount }, () => ({ variantId: variantIds[1 + Math.floor(rand() * (variantIds.length - 1))], quantity: 1 + Math.floor(rand() * 2) }));
    const id = createManualOrder(store, {
      source: pick(['phone', 'facebook', 'zalo', 'walk_in', 'other'] as const), warehouseId: warehouseIds[0],
      buyer: { name: c.name, phone: c.phone, email: '' },
      address: demoAddress(c.place, c.name, c.phone, c.legacyOnly),
      lines, shippingFee: pick([0, 20000, 30000]), discount: pick([0, 0, 10000]), paymentMethod: rand() < 0.8 ? 'cod' : 'prepaid',
      note: '', confirm: target !== 'new',
    }, actor);
    if (target === 'cancelled') cancelOrder(store, id, 'Khách đổi ý', { ...actor, at: at + 600_000 });
    (PATH[target] ?? []).forEach((step, k) => {
      const stepActor = { ...actor, at: at + (k + 1) * 1_800_000 };
      if (step === 'packed') store.prepare('UPDATE order_lines SET verified_qty = quantity WHERE order_id = ?').run(id);
      const tracking = step === 'shipped' ? `GY${String(8_000_000 + i * 7919).slice(0, 7)}VN` : undefined;
      transitionOrder(store, id, step, '', tracking, stepActor);
    });
  });
  // After the manual orders (which draw on the random sequence): what the demo Shopee shops sell, same SKUs.
  DEMO_SHOPEE_MATCHED.forEach((p, i) => {
    createProduct(store, {
      name: p.name, sku: p.sku, category: p.category, brand: p.brand, description: `${p.name}.`, specs: [{ key: 'Kênh bán', value: 'Shopee' }], images: [demoProductImage(DEMO_PRODUCTS.length + i)], videoUrl: '', active: true,
      variants: p.variants.map((v, k) => ({
        sku: v.sku, attributes: [...(v.colour ? [{ name: 'Màu', value: v.colour }] : []), ...(v.size ? [{ name: 'Size', value: v.size }] : [])],
        barcodes: [demoEan13(barcode++)], price: p.price, cost: p.cost, vatRate: '8' as const, weightG: p.weightG, lengthCm: 25, widthCm: 20, heightCm: 5, active: true,
        initialStock: [
          { warehouseId: warehouseIds[0], quantity: 30 + 5 * k, binCode: `S-${String(i + 1).padStart(2, '0')}-1` },
          { warehouseId: warehouseIds[1], quantity: 8 },
        ],
      })),
    }, admin);
  });
  setSetting(store, 'demo', '1');
  // The demo desk weighs on the simulated scale, saved as its settings (the printers' profiles already
  // give the station a row, so an unsaved-station fallback would never apply); the Cân tab shows it.
  saveStation(store, getSetting(store, 'station'), { scale: { transport: 'simulated', protocol: 'line' } }, now);
  return { operators: ops.map((o) => ({ id: o.id, name: o.name, role: o.role, pin: o.pin })) };
}
