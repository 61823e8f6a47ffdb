import type { VAT_RATES } from '../../api/common.js';

export type VatRate = (typeof VAT_RATES)[number];

/** Percent of a VAT rate code; KCT (not subject) and KKKNT (not declared) carry no VAT. */
export function vatPercent(rate: VatRate): number {
  return rate === 'KCT' || rate === 'KKKNT' ? 0 : Number(rate);
}

/**
 * Margin ex VAT: the shelf price includes VAT, so the seller keeps price ÷ (1 + rate). Amount is
 * rounded to whole đồng; percent is of the ex-VAT price, null when that price is 0.
 */
export function exVatPrice(price: number, rate: VatRate): number {
  // Integer arithmetic first (× 100 ÷ (100 + p)) so 8 % does not pick up binary-fraction noise.
  return Math.round((price * 100) / (100 + vatPercent(rate)));
}

export function computeMargin(price: number, cost: number, rate: VatRate): { amount: number; percent: number | null } {
  const exVat = exVatPrice(price, rate);
  const amount = exVat - cost;
  const percent = exVat === 0 ? null : Math.round((amount / exVat) * 1000) / 10;
  return { amount, percent };
}
