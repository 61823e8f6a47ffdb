import { fieldOfShopeeMessage, shopeeRefusalOf } from '../../../connectors/marketplaces/shopee/shopee-field-errors.js';
import type { JobError } from '../../../sync/job-error.js';

// A failed publish job → what the form shows next to each field. Shopee's refusal is mapped by the field
// its message names (shopee-field-errors.ts); an image we could not read names its image; anything else
// (no connection, the shop unlinked) is a general error with the job's message.

export interface StoredFieldError { field: string; message: string; code: string; url?: string }

export function fieldErrorsOf(e: Pick<JobError, 'code' | 'message' | 'raw'>): StoredFieldError[] {
  const raw = e.raw as { field?: unknown; url?: unknown; message?: unknown } | string | undefined;
  if (raw && typeof raw === 'object' && raw.field === 'image' && typeof raw.url === 'string') return [{ field: 'image', message: e.message, code: e.code, url: raw.url }];
  // Our own refusal before sending (invalidInput): it names the Shopee field itself.
  if (e.code === 'SHOPEE_INPUT_INVALID' && raw && typeof raw === 'object' && typeof raw.field === 'string') {
    const said = typeof raw.message === 'string' ? raw.message : e.message;
    return [{ field: fieldOfShopeeMessage(raw.field), message: said, code: e.code }];
  }
  const refusal = shopeeRefusalOf(raw);
  if (refusal && e.code === 'SHOPEE_REJECTED') return [{ field: fieldOfShopeeMessage(refusal.message, refusal.code), message: refusal.message || refusal.code, code: refusal.code || e.code }];
  return [{ field: 'general', message: e.message, code: e.code }];
}
