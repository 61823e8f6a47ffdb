import type { TFunction } from 'i18next';
import { toApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

/** A connection error in the operator's language: marketplaces:errors.<CODE>.<reason>, then the code, then the app-wide text. */
export function shopeeErrorText(t: TFunction, err: unknown): string {
  const e = toApiError(err);
  const reason = typeof e.details.reason === 'string' ? e.details.reason : '';
  const keys = [reason ? `marketplaces:errors.${e.code}.${reason}` : '', `marketplaces:errors.${e.code}.default`].filter(Boolean);
  for (const key of keys) {
    const text = t(key, { defaultValue: '', message: e.message });
    if (text) return text;
  }
  return errorMessage(t, e);
}
