import type { ShipmentState } from '../carrier-connector.js';
import type { StatusRow } from '../shared/status-update.js';

/**
 * VTP `ORDER_STATUS` → our shipment state: every code of spec A2.9, one row per code so a wrong guess is a
 * one-line change. `final` rows are VTP's end states (G3.5: never move back from them). [?] marks our reading.
 */
export const VTP_STATUS: Readonly<Record<string, StatusRow>> = {
  '-100': { state: 'booked', meaning: 'New order, not yet approved' },
  // [?] The shop handed the parcel in at a post office: VTP has it, like a pickup.
  '-108': { state: 'picked', meaning: 'Sent at post office' },
  '-109': { state: 'picked', meaning: 'At collection point' }, // [?]
  '-110': { state: 'picked', meaning: 'Being handed over' }, // [?]
  '100': { state: 'booked', meaning: 'Received from partner' },
  // [?] The waybill is void; the shop books again (the reason comes with the event).
  '101': { state: 'cancelled', meaning: 'Viettel Post refused the order', final: true },
  '102': { state: 'booked', meaning: 'Pending processing' },
  '103': { state: 'booked', meaning: 'Assigned to post office' },
  '104': { state: 'picking', meaning: 'Courier assigned for pickup' },
  '105': { state: 'picked', meaning: 'Picked up by courier' },
  '106': { state: 'picking', meaning: 'Partner asks to pick up again' }, // [?]
  '107': { state: 'cancelled', meaning: 'Cancelled by partner via API', final: true },
  // [?] First scan at the origin office; for a parcel dropped off by the shop this is the handover.
  '200': { state: 'picked', meaning: 'Received at origin post office' },
  '201': { state: 'cancelled', meaning: 'Waybill cancelled', final: true },
  // A waybill edit says nothing about where the parcel is.
  '202': { state: 'unchanged', meaning: 'Waybill edited' },
  '300': { state: 'in_transit', meaning: 'Outbound' },
  '301': { state: 'in_transit', meaning: 'Outbound' },
  '302': { state: 'in_transit', meaning: 'Closed bag' },
  '303': { state: 'in_transit', meaning: 'In transit' },
  '400': { state: 'in_transit', meaning: 'Inbound at hub / destination' },
  '401': { state: 'in_transit', meaning: 'Inbound at hub / destination' },
  '402': { state: 'in_transit', meaning: 'Inbound at hub / destination' },
  '403': { state: 'in_transit', meaning: 'Inbound at hub / destination' },
  '500': { state: 'delivering', meaning: 'Out for delivery' },
  '501': { state: 'delivered', meaning: 'Delivered', final: true },
  '502': { state: 'returning', meaning: 'Returning to origin' },
  // [?] Destroyed or cancelled at the customer's request: the shipment is over without delivery.
  '503': { state: 'cancelled', meaning: 'Destroyed / cancelled at customer request', final: true },
  '504': { state: 'returned', meaning: 'Returned to sender', final: true },
  // Not the end (G3.6): the shop must answer UpdateOrder TYPE 2 (return) or 3 (re-deliver).
  '505': { state: 'awaiting_decision', meaning: 'Delivery failed, return requested: decide return or re-delivery' },
  '506': { state: 'delivery_failed', meaning: 'Delivery failed (not home / no answer)' },
  // [?] The receiver collects at the post office: delivery is still under way.
  '507': { state: 'delivering', meaning: 'Receiver will pick up at post office' },
  '508': { state: 'delivering', meaning: 'Re-delivery' },
  '509': { state: 'in_transit', meaning: 'Forwarded to another post office' },
  '510': { state: 'in_transit', meaning: 'Delivery assignment cancelled' }, // [?] back at the office, not failed
  '515': { state: 'returning', meaning: 'Return approved' },
  '550': { state: 'delivering', meaning: 'Re-delivery at customer request' },
};

export interface MappedVtpStatus {
  state: ShipmentState;
  meaning: string;
  final: boolean;
  warning?: string;
}

export function mapVtpStatus(code: string | number): MappedVtpStatus {
  const key = String(code).trim();
  const row = VTP_STATUS[key];
  if (row) return { state: row.state, meaning: row.meaning, final: row.final === true };
  return { state: 'unchanged', meaning: `Status ${key}`, final: false, warning: `Viettel Post status ${key} is not in the mapping table; recorded without changing the shipment` };
}

/**
 * Where each code stands in a parcel's life, for statuses stamped the same second (VTP dates have whole
 * seconds and callbacks arrive out of order, G3.5): the later one here is taken as the newer. Not the
 * numeric order: 506 (an attempt failed) comes before 505 (failed, return requested), and re-deliveries
 * (508, 550) come after the failures that caused them.
 */
const VTP_LIFECYCLE = [
  '-100', '100', '102', '103', '104', '106', '105', '-108', '-109', '-110', '200', '202', '300', '301', '302', '303', '400', '401', '402', '403',
  '509', '510', '500', '507', '506', '508', '505', '550', '515', '502', '501', '503', '504', '101', '107', '201',
];

/** The lifecycle rank of a VTP status code; unknown codes rank lowest and never win a tie. */
export const vtpLifecycleRank = (code: string): number => VTP_LIFECYCLE.indexOf(code.trim());
