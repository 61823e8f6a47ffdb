import type { StoredAddress } from '../../main/api/common.js';
import type { IngestOrder } from '../../main/domain/orders/order-ingest.js';
import { prng } from '../../main/domain/demo/seed-demo.js';

// Realistic shapes for generated stores: Vietnamese names (Nguyễn is about 38% of people, so a
// surname search is a worst case, not a rare one), valid mobile numbers, 2–3 lines per order.
const FAMILY = [['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 4], ['Phan', 4], ['Vũ', 3.9], ['Võ', 3.5], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5]] as const;
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Hồng', 'Quang', 'Thu', 'Kim'];
const GIVEN = ['Lan', 'Hùng', 'Trang', 'Tuấn', 'Anh', 'Nhung', 'Huy', 'Oanh', 'Tâm', 'Phúc', 'Duyên', 'Mai', 'Long', 'Hà', 'Nam', 'Linh', 'Khoa', 'Vy', 'Bảo', 'Thảo'];
const PREFIXES = ['032', '033', '034', '035', '036', '037', '038', '039', '070', '076', '077', '078', '079', '081', '082', '083', '084', '085', '086', '088', '089', '090', '091', '093', '094', '096', '097', '098'];
const PROVINCES = ['TP. Hồ Chí Minh', 'Hà Nội', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'Khánh Hòa', 'Nghệ An', 'An Giang', 'Đồng Nai'];
export const STATUSES = [['ready_to_pack', 10], ['packed', 5], ['shipped', 15], ['delivered', 20], ['completed', 40], ['cancelled', 7], ['awaiting_stock', 3]] as const;
export const CHANNELS = [['shopee', 50], ['tiktok', 20], ['lazada', 15], ['manual', 10], ['website', 5]] as const;

export function weighted<T>(rand: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rand() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

export function generator(seed: number) {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  return {
    rand,
    pick,
    name: () => `${weighted(rand, FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
    phone: () => pick(PREFIXES) + String(Math.floor(rand() * 10_000_000)).padStart(7, '0'),
    address: (name: string, phone: string): StoredAddress => {
      const province = pick(PROVINCES);
      const street = `${1 + Math.floor(rand() * 300)} Lê Lợi`;
      return { recipientName: name, phone, rawText: `${street}, Phường 1, ${province}`, scheme: 'new2', streetLine: street, current: { provinceCode: '', provinceName: province, wardCode: '', wardName: 'Phường 1' } };
    },
  };
}

export interface BenchVariant { id: number; sku: string; name: string; price: number }

export function makeOrders(gen: ReturnType<typeof generator>, variants: BenchVariant[], warehouseId: number, count: number, startAt: number): IngestOrder[] {
  return Array.from({ length: count }, (_, i) => {
    const name = gen.name();
    const phone = gen.phone();
    const lines = Array.from({ length: 2 + Math.floor(gen.rand() * 2) }, () => {
      const v = gen.pick(variants);
      return { variantId: v.id, sku: v.sku, name: v.name, quantity: 1 + Math.floor(gen.rand() * 2), unitPrice: v.price };
    });
    return {
      channel: 'manual', source: 'other', warehouseId, buyerName: name, buyerPhone: phone, address: gen.address(name, phone),
      paymentMethod: gen.rand() < 0.7 ? 'cod' : 'prepaid', shippingFee: 30000, discount: 0, createdAt: startAt + i * 1000, lines,
    };
  });
}
