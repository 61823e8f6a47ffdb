import type { BookingRequest } from '../carrier-connector.js';

/**
 * Does the courier collect the carrier's fee from the receiver on top of the COD? Only when the buyer pays
 * AND the COD does not already contain the shipping (pitfall G3.4: GHN payment_type_id 2 and VTP
 * ORDER_PAYMENT 2 both add the fee to what the receiver pays; a COD that already includes it would
 * charge the buyer twice).
 */
export function receiverPaysFeeOnTop(req: Pick<BookingRequest, 'payer' | 'codVnd' | 'codIncludesShipping'>): boolean {
  if (req.payer !== 'buyer') return false;
  return !(req.codVnd > 0 && req.codIncludesShipping === true);
}
