import type { TFunction } from 'i18next';
import type { Output } from '../../lib/api.js';
import { ApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';

// What the packer reads after a scan, in one place: the sentence says exactly what was wrong and that
// nothing changed, so nobody has to look at the lines to understand a buzz.

export type ScanOut = Output<'packing.scan'>;

export function scanMessage(t: TFunction, code: string, r: Pick<ScanOut, 'result' | 'sku' | 'name' | 'verifiedQty' | 'quantity'>): string {
  const item = r.name ? `${r.sku} · ${r.name}` : code;
  return t(`packing:scan.${r.result}`, { item, code, sku: r.sku ?? code, verified: r.verifiedQty, quantity: r.quantity });
}

/** A refused command, in the packer's words where the pack screen has a sentence for its situation. */
export function packError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const situation = String(err.details.reason ?? err.details.guard ?? err.details.owner ?? '');
    const key = `packing:errors.${err.code}_${situation}`;
    if (situation && t(key, { defaultValue: '' })) return t(key, { ...err.details });
  }
  return errorMessage(t, err);
}

/** One skipped order of a pick list: its number and why, in few words ("PD0012: Đã đóng gói"). */
export function skipReason(t: TFunction, err: unknown): string {
  if (!(err instanceof ApiError) || typeof err.details.number !== 'string') return packError(t, err);
  const why = typeof err.details.status === 'string' ? t(`common:status.${err.details.status}`)
    : err.details.reason === 'order_cancelled' ? t('common:status.cancelled') : packError(t, err);
  return `${err.details.number}: ${why}`;
}

export const skippedNote = (t: TFunction, skipped: readonly string[]): string =>
  skipped.length ? t('packing:pickListSkipped', { count: skipped.length, list: skipped.join(', ') }) : '';
