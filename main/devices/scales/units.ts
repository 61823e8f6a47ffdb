// Exact conversion of a scale's decimal weight to whole grams. Weights arrive as decimal text or as an
// integer with a power-of-ten exponent; floating point would turn 0.1 lb into 45.359237000000004 g and
// round differently from one scale to the next, so the arithmetic is done on integers (BigInt).
// Rounding: to the nearest gram, halves away from zero (1.5 g → 2 g, −1.5 g → −2 g).

export const WEIGHT_UNITS = ['mg', 'g', 'kg', 'oz', 'lb'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

// Grams per unit as numerator / denominator; the ounce and the pound are exact by definition
// (international avoirdupois pound = 0.45359237 kg; ounce = pound / 16 = 28.349523125 g).
const GRAMS_PER: Record<WeightUnit, readonly [bigint, bigint]> = {
  mg: [1n, 1000n],
  g: [1n, 1n],
  kg: [1000n, 1n],
  oz: [28_349_523_125n, 1_000_000_000n],
  lb: [45_359_237n, 100_000n],
};

const UNIT_ALIASES: Record<string, WeightUnit> = {
  mg: 'mg', g: 'g', gr: 'g', gm: 'g', kg: 'kg', oz: 'oz', lb: 'lb', lbs: 'lb', '#': 'lb',
};

/** A unit as scales print it ("kg", "KG", " g", "lbs"), or null when it is not a weight unit we know. */
export function parseUnit(text: string): WeightUnit | null {
  return UNIT_ALIASES[text.trim().toLowerCase()] ?? null;
}

/** `mantissa × 10^exponent` units → whole grams. */
export function scaledToGrams(mantissa: bigint, exponent: number, unit: WeightUnit): number {
  const [num, den] = GRAMS_PER[unit];
  let n = mantissa * num;
  let d = den;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d *= 10n ** BigInt(-exponent);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d); // round half up on the magnitude = half away from zero
  return Number(negative ? -q : q);
}

/**
 * Decimal text ("+0001.234", "-12", " 0.5", "1,5") → mantissa and exponent, or null when it is not a
 * number. A comma decimal separator is accepted: some scales sold in Vietnam print one.
 */
export function parseDecimal(text: string): { mantissa: bigint; exponent: number } | null {
  const m = /^\s*([+-])?\s*(\d*)(?:[.,](\d*))?\s*$/.exec(text);
  if (!m || (!m[2] && !m[3])) return null;
  const frac = m[3] ?? '';
  const digits = (m[2] || '0') + frac;
  const mantissa = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return { mantissa, exponent: -frac.length };
}

/** Decimal text in a unit → whole grams, or null when the text is not a number. */
export function decimalToGrams(text: string, unit: WeightUnit): number | null {
  const d = parseDecimal(text);
  return d ? scaledToGrams(d.mantissa, d.exponent, unit) : null;
}
