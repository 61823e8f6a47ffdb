import type { JobError } from '../../../sync/job-error.js';
import { parseJsonLossless } from '../../lossless-json.js';
import { isRecord, type Json } from './values.js';

/**
 * A callback body as a JSON object, whether the web host handed over bytes, text or parsed JSON.
 * `malformed` builds the carrier's own refusal, so its message names the carrier.
 */
export function readWebhookBody(body: unknown, malformed: (why: string, raw: unknown) => JobError): Json {
  let value = body;
  if (Buffer.isBuffer(value)) value = value.toString('utf8');
  if (typeof value === 'string') {
    try {
      value = parseJsonLossless(value);
    } catch {
      throw malformed('the body is not JSON', value);
    }
  }
  if (!isRecord(value)) throw malformed('the body is not a JSON object', value);
  return value;
}
