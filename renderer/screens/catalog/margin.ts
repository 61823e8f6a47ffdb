/**
 * Live margin for the variant table. Shelf prices in Vietnam include VAT, so what the seller keeps
 * is the ex-VAT price: price ÷ (1 + rate). KCT (not subject to VAT) and KKKNT (not declared)
 * carry no VAT. The core reports the same figure for saved variants (`variant.margin`), with the
 * same rounding: whole đồng for the amount, one decimal for the percent of the ex-VAT price.
 */
import type { computeMargin } from '../../../main/domain/shared/margin.js';

// One rule for the live cell and the saved variant: the renderer runs the core's own pure function.
export { computeMargin, exVatPrice, vatPercent, type VatRate as VatRateCode } from '../../../main/domain/shared/margin.js';

export type Margin = ReturnType<typeof computeMargin>;

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
