import { fail } from '../../api/errors.js';
import { parseVtpExport } from '../../connectors/carriers/viettelpost/export-file.js';
import type { Store } from '../../store/store.js';
import { isJobError } from '../../sync/job-error.js';
import { carrierOfAccount } from './shipment-booking.js';
import { applyCarrierUpdates } from './carrier-updates.js';

/** Statuses from a Viettel Post portal export: the catch-up path when webhooks cannot reach this desk. */
export function importCarrierStatuses(store: Store, accountId: number, text: string, now: number) {
  const carrier = carrierOfAccount(store, accountId);
  if (carrier !== 'viettelpost') fail('CONFLICT', 'Status files are read for Viettel Post accounts; GHN statuses are polled', { reason: 'carrier' });
  let parsed;
  try {
    parsed = parseVtpExport(text);
  } catch (error) {
    fail('FILE_INVALID', isJobError(error) || error instanceof Error ? (error as Error).message : 'Unreadable file');
  }
  const r = applyCarrierUpdates(store, carrier, parsed!.updates, 'import', now);
  return { rows: parsed!.rows, applied: r.applied, duplicates: r.duplicates + parsed!.duplicates, unknown: [...new Set(r.unknown)] };
}
