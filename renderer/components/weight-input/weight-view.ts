// What the weight field shows for a scale state: pure, so the wording rules are unit-tested.
import type { ScaleState } from '../../../main/api/scales.js';

export type ScaleTone = 'none' | 'stable' | 'moving' | 'problem';

export interface ScaleView {
  tone: ScaleTone;
  /** Key in the `scales` namespace. */
  messageKey: string;
  /** Grams on the live display, or null when there is nothing to show. */
  liveGrams: number | null;
  /** The settled weight the take key would use. */
  takeGrams: number | null;
}

export function scaleView(state: ScaleState | undefined): ScaleView {
  if (!state || state.connection === 'none') return { tone: 'none', messageKey: 'reasons.not_configured', liveGrams: null, takeGrams: null };
  if (state.error) return { tone: 'problem', messageKey: `errors.${state.error.code}`, liveGrams: null, takeGrams: null };
  const liveGrams = state.live ? state.live.grams : null;
  if (state.weight) return { tone: 'stable', messageKey: 'stable', liveGrams: state.weight.grams, takeGrams: state.weight.grams };
  const reason = state.reason ?? 'no_reading';
  const moving = reason === 'motion' || reason === 'settling' || reason === 'connecting';
  const quiet = reason === 'zero' || reason === 'no_reading';
  return { tone: moving ? 'moving' : quiet ? 'none' : 'problem', messageKey: `reasons.${reason}`, liveGrams, takeGrams: null };
}

/** Grams as packers read them: "850 g" below a kilogram, "1,234 kg" above (vi) / "1.234 kg" (en). */
export function formatGrams(grams: number, language: string): string {
  if (Math.abs(grams) < 1000) return `${grams} g`;
  const kg = (grams / 1000).toFixed(3);
  return `${language === 'vi' ? kg.replace('.', ',') : kg} kg`;
}

/** Typed text → grams: digits only, with "1,2kg"/"1.2 kg" read as kilograms; null when it is not a weight. */
export function parseTypedWeight(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (!t) return null;
  const m = /^(\d+(?:[.,]\d{1,3})?)(kg|g)?$/.exec(t);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  const grams = m[2] === 'kg' ? Math.round(value * 1000) : m[1]!.match(/[.,]/) ? NaN : value;
  return Number.isFinite(grams) && grams > 0 && grams <= 1_000_000 ? grams : null;
}
