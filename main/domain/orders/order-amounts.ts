// Order amounts in integer đồng (DESIGN.md rule 8).

export interface AmountLine {
  quantity: number;
  unitPrice: number;
}

export function orderAmounts(lines: AmountLine[], shippingFee: number, discount: number) {
  const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
  return { subtotal, total: Math.max(0, subtotal + shippingFee - discount) };
}

export const formatOrderNumber = (n: number): string => `PD${String(n).padStart(6, '0')}`;
