// The simulator's orders: creation with unique GHN-style codes, the client_order_code index that makes
// create idempotent, and status changes with their history.

import type { Clock } from '../shared/clock.js';
import { randomInt, randomString, UPPER_ALNUM, type Random } from '../shared/prng.js';
import type { GhnOrderFee } from './fees.js';
import type { GhnOrderInput } from './order-validation.js';
import { locate } from '../shared/status-ticker.js';
import { GHN_FINAL, GHN_PATHS, type GhnPathName, type GhnStatus } from './statuses.js';

export interface GhnLogEntry {
  status: GhnStatus;
  updated_date: string;
}

export interface GhnOrder {
  orderCode: string;
  shopId: number;
  input: GhnOrderInput;
  /** The create body exactly as received, for tests that check what the client sent. */
  request: Record<string, unknown>;
  status: GhnStatus;
  pathName: GhnPathName;
  /** Position on the path (paths may repeat a status); -1 when moved off every path. */
  pathIndex: number;
  log: GhnLogEntry[];
  createdAt: number;
  lastChangeAt: number;
  finishedAt?: number;
  fee: GhnOrderFee;
  totalFee: number;
  expectedDeliveryAt: number;
  convertedWeight: number;
  sortCode: string;
  transType: string;
}

export type NewOrder = Omit<GhnOrder, 'orderCode' | 'status' | 'pathName' | 'pathIndex' | 'log' | 'createdAt' | 'lastChangeAt' | 'sortCode'>;

export class GhnOrderStore {
  private byOrderCode = new Map<string, GhnOrder>();
  private byClient = new Map<string, GhnOrder>();

  constructor(
    private readonly random: Random,
    private readonly clock: Clock,
  ) {}

  /** GHN codes look like "LNKC89" or "L8TKYG": 6–8 upper-case letters and digits, starting with a letter. */
  private newCode(): string {
    for (;;) {
      const code = 'L' + randomString(this.random, UPPER_ALNUM, randomInt(this.random, 5, 7));
      if (!this.byOrderCode.has(code)) return code;
    }
  }

  private sortCode(): string {
    const r = this.random;
    return `${randomInt(r, 100, 999)}-${randomString(r, 'ABCDEFGHK', 1)}-${String(randomInt(r, 1, 30)).padStart(2, '0')}-${randomString(r, 'ABCD', 1)}${randomInt(r, 1, 9)}`;
  }

  create(order: NewOrder): GhnOrder {
    const now = this.clock();
    const created: GhnOrder = {
      ...order,
      orderCode: this.newCode(),
      sortCode: this.sortCode(),
      status: 'ready_to_pick',
      pathName: 'happy',
      pathIndex: 0,
      log: [{ status: 'ready_to_pick', updated_date: new Date(now).toISOString() }],
      createdAt: now,
      lastChangeAt: now,
    };
    this.byOrderCode.set(created.orderCode, created);
    if (order.input.clientOrderCode) this.byClient.set(clientKey(order.shopId, order.input.clientOrderCode), created);
    return created;
  }

  byCode(code: string): GhnOrder | undefined {
    return this.byOrderCode.get(code.trim().toUpperCase());
  }

  /** client_order_code is unique per shop; without a shop, the first match across shops. */
  byClientCode(clientOrderCode: string, shopId?: number): GhnOrder | undefined {
    if (shopId !== undefined) return this.byClient.get(clientKey(shopId, clientOrderCode));
    return [...this.byClient.values()].find((o) => o.input.clientOrderCode === clientOrderCode);
  }

  list(): GhnOrder[] {
    return [...this.byOrderCode.values()];
  }

  /** Moves to `status`, keeping the path position in step (see locate). */
  setStatus(order: GhnOrder, status: GhnStatus): void {
    const pos = locate(GHN_PATHS, order, status);
    order.pathName = pos.pathName as GhnPathName;
    order.pathIndex = pos.pathIndex;
    const now = this.clock();
    order.status = status;
    order.lastChangeAt = now;
    order.log.push({ status, updated_date: new Date(now).toISOString() });
    if (GHN_FINAL.has(status)) order.finishedAt = now;
  }

  /** Starts the order on `path` at its current status (or at the path's start). */
  setPath(order: GhnOrder, path: GhnPathName): void {
    order.pathName = path;
    order.pathIndex = Math.max(0, (GHN_PATHS[path] as readonly GhnStatus[]).indexOf(order.status));
  }

  reset(): void {
    this.byOrderCode.clear();
    this.byClient.clear();
  }
}

const clientKey = (shopId: number, code: string) => `${shopId}\u0000${code}`;
