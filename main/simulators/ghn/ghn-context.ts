// What the GHN route modules share, so each can stay a small file.

import type { Clock } from '../shared/clock.js';
import type { Random } from '../shared/prng.js';
import type { GhnAuth } from './ghn-auth.js';
import type { GhnOrder, GhnOrderStore } from './order-store.js';
import type { GhnPathName } from './statuses.js';
import type { ValidationContext } from './order-validation.js';
import type { GhnWebhookType } from './webhook-payload.js';

export interface GhnContext {
  clock: Clock;
  random: Random;
  store: GhnOrderStore;
  auth: GhnAuth;
  insuranceCap: number;
  shopDefault: ValidationContext['shopDefault'];
  labelTokenTtlMs: number;
  /** Which scripted status path a new order will walk. */
  pathFor(order: GhnOrder): GhnPathName;
  /** Tells the webhook pusher (when configured) about a change. */
  emit(order: GhnOrder, type: GhnWebhookType): void;
}
