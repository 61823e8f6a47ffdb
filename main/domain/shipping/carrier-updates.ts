import type { CarrierId } from '../../connectors/carriers/carrier-connector.js';
import type { CarrierStatusUpdate } from '../../connectors/carriers/shared/status-update.js';
import type { Store } from '../../store/store.js';
import type { ShipmentRow } from './shipment-repo.js';
import { learnTrackingNumber } from './tracking-number.js';
import { applyTrackingEvents } from './tracking-apply.js';

/**
 * Applies status updates pushed by a carrier (webhook) or read from its export file. A parcel is found
 * by tracking number, or by our code when the booking's answer was lost: then the update also tells us
 * the tracking number we never heard (the Viettel Post case of a dropped connection).
 */
export function applyCarrierUpdates(store: Store, carrier: CarrierId, updates: CarrierStatusUpdate[], source: 'webhook' | 'import', now: number) {
  let applied = 0;
  let duplicates = 0;
  const unknown: string[] = [];
  type Found = Pick<ShipmentRow, 'id' | 'order_id' | 'code' | 'tracking_number' | 'account_id' | 'carrier'> | undefined;
  for (const u of updates) {
    let s = store.prepare('SELECT id, order_id, code, tracking_number, account_id, carrier FROM shipments WHERE carrier = ? AND tracking_number = ?').get(carrier, u.waybill) as Found;
    if (!s && u.reference) {
      s = store.prepare('SELECT id, order_id, code, tracking_number, account_id, carrier FROM shipments WHERE carrier = ? AND code = ?').get(carrier, u.reference) as Found;
      if (s && !s.tracking_number) learnTrackingNumber(store, s, u.waybill, { operatorId: null, reason: `tracking number learnt from the carrier's ${source}` }, now);
    }
    if (!s) {
      unknown.push(u.waybill);
      continue;
    }
    const r = applyTrackingEvents(store, s.id, [u.event], source, now);
    applied += r.applied;
    duplicates += r.duplicates;
  }
  return { applied, duplicates, unknown };
}
