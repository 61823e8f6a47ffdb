import type { JobKind } from '../sync/outbox.js';
import type { SecretBox } from './secret-box.js';
import { shippingJobKinds } from '../domain/shipping/shipping-jobs.js';
import { shopeeLogisticsJobKinds } from '../domain/shopee-logistics/shopee-logistics-jobs.js';
import { listingJobKinds } from '../domain/listings/listing-jobs.js';
import { publishJobKinds } from '../domain/listings/publish/publish-jobs.js';

/** Every kind of outbox job the core runs, by domain. */
export function jobKinds(deps: { dataDir: string; secrets: SecretBox }): JobKind<any, any>[] {
  return [...shippingJobKinds(deps), ...listingJobKinds(deps), ...publishJobKinds(deps), ...shopeeLogisticsJobKinds(deps)];
}
