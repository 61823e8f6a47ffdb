// What the Viettel Post route modules share.

import type { Clock } from '../shared/clock.js';
import type { Random } from '../shared/prng.js';
import type { VtpStore } from './master-data-routes.js';
import type { VtpOrder, VtpOrderStore } from './order-store.js';
import type { VtpPathName } from './statuses.js';
import type { VtpAuth } from './vtp-auth.js';

export interface VtpContext {
  clock: Clock;
  random: Random;
  auth: VtpAuth;
  store: VtpOrderStore;
  codCap: number;
  storesOf(cusId: number): VtpStore[];
  pathFor(order: VtpOrder): VtpPathName;
  /** The order's latest status change happened: push it to the webhook (when configured). */
  emit(order: VtpOrder): void;
}
