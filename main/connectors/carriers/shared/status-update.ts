import type { TrackingEvent } from '../carrier-connector.js';

/** One carrier status for one parcel, from a webhook or an export file, ready for the shipping domain. */
export interface CarrierStatusUpdate {
  /** The carrier's tracking number (GHN order_code / VTP waybill). */
  waybill: string;
  /** Our shipment code as sent at booking (GHN client_order_code / VTP ORDER_NUMBER → ORDER_REFERENCE); null when absent. */
  reference: string | null;
  /** Same key ⇒ same event: carriers resend (duplicates), so the sync engine drops repeats by this key. */
  dedupeKey: string;
  event: TrackingEvent;
}

/** How a carrier status maps to a shipment state; `final` marks the carrier's own end states. */
export interface StatusRow {
  state: TrackingEvent['mapped'];
  meaning: string;
  final?: boolean;
}
