import type { ShipmentState } from '../carrier-connector.js';
import type { StatusRow } from '../shared/status-update.js';

/**
 * GHN `status` (detail) / `Status` (webhook) → our shipment state. Every status of spec A1.9; one row per
 * status so a wrong guess is a one-line change. Rows marked [?] are our reading where the spec gives only
 * the carrier's meaning.
 */
export const GHN_STATUS: Readonly<Record<string, StatusRow>> = {
  ready_to_pick: { state: 'booked', meaning: 'Order created, waiting for pickup' },
  picking: { state: 'picking', meaning: 'Courier on the way to pick up' },
  money_collect_picking: { state: 'picking', meaning: 'Courier collecting money from the shop at pickup' },
  picked: { state: 'picked', meaning: 'Picked up' },
  storing: { state: 'in_transit', meaning: 'In a GHN warehouse' },
  transporting: { state: 'in_transit', meaning: 'Moving between hubs' },
  sorting: { state: 'in_transit', meaning: 'Being sorted' },
  delivering: { state: 'delivering', meaning: 'Out for delivery' },
  money_collect_delivering: { state: 'delivering', meaning: 'Courier collecting COD from the receiver' },
  delivered: { state: 'delivered', meaning: 'Delivered', final: true },
  delivery_fail: { state: 'delivery_failed', meaning: 'Delivery attempt failed' },
  // Re-delivery is still possible: the shop decides (switch-status storing / return).
  waiting_to_return: { state: 'awaiting_decision', meaning: 'Waiting to be returned; re-delivery still possible' },
  return: { state: 'returning', meaning: 'Return started' },
  return_transporting: { state: 'returning', meaning: 'Return in transit' },
  return_sorting: { state: 'returning', meaning: 'Return being sorted' },
  returning: { state: 'returning', meaning: 'Courier returning to sender' },
  // [?] The parcel is still on its way back; GHN retries the return, so it stays "returning" rather than an exception.
  return_fail: { state: 'returning', meaning: 'Return attempt failed' },
  returned: { state: 'returned', meaning: 'Returned to sender', final: true },
  cancel: { state: 'cancelled', meaning: 'Cancelled', final: true },
  exception: { state: 'exception', meaning: 'Exception handling', final: true },
  lost: { state: 'lost', meaning: 'Lost', final: true },
  damage: { state: 'damaged', meaning: 'Damaged', final: true },
  // [?] Disposed goods are gone for the shop like a lost parcel (compensation claim), hence lost.
  scrap: { state: 'lost', meaning: 'Disposed', final: true },
};

export interface MappedStatus {
  state: ShipmentState;
  meaning: string;
  warning?: string;
}

/** Unknown statuses never crash: they add history ('unchanged') and a warning to extend the table. */
export function mapGhnStatus(status: string): MappedStatus {
  const row = GHN_STATUS[status.trim().toLowerCase()];
  if (row) return { state: row.state, meaning: row.meaning };
  return { state: 'unchanged', meaning: status, warning: `GHN status "${status}" is not in the mapping table; recorded without changing the shipment` };
}
