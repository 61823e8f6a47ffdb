// Order amounts in integer đồng (DESIGN.md rule 8).
import { money } from '../../api/common.js';

/**
 * The contract's ceiling for one amount. An order's subtotal must stay under it too: quantity × price
 * can pass 2^53, which the store cannot hold exactly and the contract's output refuses to return.
 */
export const MAX_ORDER_AMOUNT = money.maxValue ?? Number.MAX_SAFE_INTEGER;

export interface AmountLine {
  quantity: number;
  unitPrice: number;
}

export function orderAmounts(lines: AmountLine[], shippingFee: number, discount: number) {
  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  return { subtotal, total: Math.max(0, subtotal + shippingFee - discount) };
}

/** Why these amounts cannot make an order (path and message as in INPUT_INVALID issues), or null. */
export function amountIssue(subtotal: number, shippingFee: number, discount: number): { path: string; message: string } | null {
  if (subtotal > MAX_ORDER_AMOUNT) return { path: 'lines', message: `the order comes to more than ${MAX_ORDER_AMOUNT} đồng` };
  if (discount > subtotal + shippingFee) return { path: 'discount', message: 'larger than the order' };
  return null;
}

export const formatOrderNumber = (n: number): string => `PD${String(n).padStart(6, '0')}`;
