/**
 * Live margin for the variant table. Shelf prices in Vietnam include VAT, so what the seller keeps
 * is the ex-VAT price: price ÷ (1 + rate). KCT (not subject to VAT) and KKKNT (not declared)
 * carry no VAT. The core reports the same figure for saved variants (`variant.margin`), with the
 * same rounding: whole đồng for the amount, one decimal for the percent of the ex-VAT price.
 */
import type { VAT_RATES } from '../../../main/api/common.js';

export type VatRateCode = (typeof VAT_RATES)[number];

export interface Margin {
  /** Ex-VAT price minus cost, whole đồng; negative when selling at a loss. */
  amount: number;
  /** Percent of the ex-VAT price, one decimal; null when that price is 0 (no meaningful ratio). */
  percent: number | null;
}

export function vatPercent(rate: VatRateCode): number {
  return rate === 'KCT' || rate === 'KKKNT' ? 0 : Number(rate);
}

export function exVatPrice(price: number, rate: VatRateCode): number {
  // Integer arithmetic first (× 100 ÷ (100 + p)) so 8 % does not pick up binary-fraction noise.
  return Math.round((price * 100) / (100 + vatPercent(rate)));
}

export function computeMargin(price: number, cost: number, rate: VatRateCode): Margin {
  const net = exVatPrice(price, rate);
  const amount = net - cost;
  const percent = net === 0 ? null : Math.round((amount / net) * 1000) / 10;
  return { amount, percent };
}

/** Calm / warning / loss bands for colouring the margin cell. */
export function marginTone(margin: Margin): 'loss' | 'thin' | 'normal' {
  if (margin.amount < 0) return 'loss';
  if (margin.percent !== null && margin.percent < 10) return 'thin';
  return 'normal';
}

/** 25 → "25,0 %", -3.5 → "-3,5 %": one decimal with the Vietnamese decimal comma. */
export function formatPercent(percent: number): string {
  return `${percent.toFixed(1).replace('.', ',')} %`;
}
