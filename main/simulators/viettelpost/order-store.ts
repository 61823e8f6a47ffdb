// Waybills: creation with unique 12–13 digit numbers, the per-account ORDER_NUMBER index behind
// CHECK_UNIQUE, and status changes with their history and path position.

import type { Clock } from '../shared/clock.js';
import { randomInt, randomString, type Random } from '../shared/prng.js';
import { locate } from '../shared/status-ticker.js';
import type { VtpPlace } from './geography.js';
import type { VtpPrice } from './pricing.js';
import { VTP_FINAL, VTP_PATHS, VTP_REASONS, type VtpPathName } from './statuses.js';

export interface VtpParty extends VtpPlace {
  name: string;
  phone: string;
  address: string;
}

export interface VtpOrderInput {
  reference: string;
  sender: VtpParty;
  receiver: VtpParty;
  service: string;
  serviceAdd: string[];
  payment: 1 | 2 | 3 | 4;
  productType: 'TH' | 'HH';
  productName: string;
  weight: number;
  moneyCollection: number;
  note: string;
  wantsSortCode: boolean;
}

export interface VtpHistoryEntry {
  status: number;
  at: number;
  reasonCode: string;
}

export interface VtpOrder {
  waybill: string;
  cusId: number;
  input: VtpOrderInput;
  /** The createOrder body as received. */
  request: Record<string, unknown>;
  price: VtpPrice;
  sortCode: string;
  status: number;
  pathName: VtpPathName;
  pathIndex: number;
  history: VtpHistoryEntry[];
  createdAt: number;
  lastChangeAt: number;
  /** UpdateOrder TYPE 11 on a cancelled order. */
  deleted: boolean;
  courier: { name: string; phone: string };
}

const COURIERS = ['Nguyễn Văn Tài', 'Trần Thị Hạnh', 'Lê Minh Khoa', 'Phạm Quốc Bảo', 'Võ Thanh Tâm'];

export class VtpOrderStore {
  private byWaybillMap = new Map<string, VtpOrder>();

  constructor(
    private readonly random: Random,
    private readonly clock: Clock,
  ) {}

  /** VTP waybills are 12–13 digits; both lengths occur, so clients must not assume one. */
  private newWaybill(): string {
    for (;;) {
      const length = randomInt(this.random, 12, 13);
      const waybill = String(randomInt(this.random, 1, 9)) + randomString(this.random, '0123456789', length - 1);
      if (!this.byWaybillMap.has(waybill)) return waybill;
    }
  }

  create(cusId: number, input: VtpOrderInput, request: Record<string, unknown>, price: VtpPrice): VtpOrder {
    const now = this.clock();
    const r = this.random;
    const order: VtpOrder = {
      waybill: this.newWaybill(),
      cusId,
      input,
      request,
      price,
      sortCode: input.wantsSortCode ? `${input.receiver.provinceName.slice(0, 3).toUpperCase()}-${randomInt(r, 10, 99)}-${randomString(r, 'ABCDEFGH', 1)}${randomInt(r, 1, 9)}` : '',
      status: 100,
      pathName: 'happy',
      pathIndex: 0,
      history: [{ status: 100, at: now, reasonCode: '' }],
      createdAt: now,
      lastChangeAt: now,
      deleted: false,
      // Viettel numbers in the 84… form webhooks use.
      courier: { name: COURIERS[randomInt(r, 0, COURIERS.length - 1)], phone: `849${randomInt(r, 6, 8)}${randomString(r, '0123456789', 7)}` },
    };
    this.byWaybillMap.set(order.waybill, order);
    return order;
  }

  byWaybill(waybill: string): VtpOrder | undefined {
    return this.byWaybillMap.get(waybill.trim());
  }

  /** Orders of one account carrying this partner ORDER_NUMBER (several when CHECK_UNIQUE was off). */
  byReference(cusId: number, reference: string): VtpOrder[] {
    return this.list().filter((o) => o.cusId === cusId && o.input.reference === reference);
  }

  list(): VtpOrder[] {
    return [...this.byWaybillMap.values()];
  }

  setStatus(order: VtpOrder, status: number): VtpHistoryEntry {
    const pos = locate(VTP_PATHS, order, status);
    order.pathName = pos.pathName as VtpPathName;
    order.pathIndex = pos.pathIndex;
    const reasons = VTP_REASONS[status];
    const entry = { status, at: this.clock(), reasonCode: reasons ? reasons[randomInt(this.random, 0, reasons.length - 1)] : '' };
    order.status = status;
    order.lastChangeAt = entry.at;
    order.history.push(entry);
    return entry;
  }

  setPath(order: VtpOrder, path: VtpPathName): void {
    order.pathName = path;
    order.pathIndex = Math.max(0, (VTP_PATHS[path] as readonly number[]).indexOf(order.status));
  }

  isFinal(order: VtpOrder): boolean {
    return VTP_FINAL.has(order.status);
  }

  reset(): void {
    this.byWaybillMap.clear();
  }
}
