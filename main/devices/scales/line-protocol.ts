// "Streaming line" scales: many cheap platform scales print one line per reading, unasked, forever.
// Each vendor has its own layout, so the layout is a regular expression with named groups:
//   weight (required)  the number, sign included ("+0001.234", "- 12.5")
//   unit   (optional)  "kg", "g", "lb", "oz"; without it, `defaultUnit`
//   stable (optional)  a flag: ST/S (stable), US/U/M/D/? (in motion), OL (overload);
//                      a line without the flag counts as stable, and the stability filter's run of
//                      equal readings is what tells a settled weight from a moving one.
import { asciiOf, errorReading, type ScaleReading } from './reading.js';
import { decimalToGrams, parseUnit, type WeightUnit } from './units.js';

export const DEFAULT_LINE_PATTERNS = [
  // "ST,GS,+0001.234kg", "US,NT,-0000.012 kg", "OL,GS,+9999.999kg" (A&D, T-Scale, many OEM indicators)
  String.raw`^(?<stable>ST|US|OL)\s*,\s*(?:GS|NT|TR|GW|NW)\s*,\s*(?<weight>[+-]?\s*[\d.,]*)\s*(?<unit>[a-zA-Z]*)\s*$`,
  // "   1.234 kg", "-0.500kg", "1234 g ?", "12.5 lb M"
  String.raw`^\s*(?<weight>[+-]?\s*\d+(?:[.,]\d+)?)\s*(?<unit>kg|g|lbs?|oz)\s*(?<stable>[?MSDU])?\s*$`,
] as const;

const MOTION_FLAGS = new Set(['US', 'U', 'M', 'D', '?']);
const OVERLOAD_FLAGS = new Set(['OL', 'O']);

export type LinePatternError = 'PATTERN_INVALID' | 'PATTERN_NO_WEIGHT';

export interface LineDecoder {
  decode(frame: Uint8Array | string, at: number): ScaleReading | null;
}

/** Compiles one pattern; a pattern that does not compile or lacks a `weight` group is refused, not guessed at. */
export function compileLinePattern(source: string): RegExp | LinePatternError {
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch {
    return 'PATTERN_INVALID';
  }
  return /\(\?<weight>/.test(source) ? re : 'PATTERN_NO_WEIGHT';
}

/** A decoder for the station's pattern, or the defaults when it has none. */
export function createLineDecoder(pattern = '', defaultUnit: WeightUnit = 'g'): LineDecoder | LinePatternError {
  const sources = pattern.trim() ? [pattern] : [...DEFAULT_LINE_PATTERNS];
  const compiled: RegExp[] = [];
  for (const s of sources) {
    const re = compileLinePattern(s);
    if (typeof re === 'string') return re;
    compiled.push(re);
  }
  return {
    decode(frame, at) {
      const line = (typeof frame === 'string' ? frame : asciiOf(frame)).replace(/[\r\n]+$/, '');
      if (!line.trim()) return null;
      const groups = compiled.map((re) => re.exec(line)?.groups).find(Boolean);
      if (!groups) return errorReading('FRAME_INVALID', line, at);
      return readGroups(groups, line, at, defaultUnit);
    },
  };
}

function readGroups(groups: Record<string, string | undefined>, raw: string, at: number, defaultUnit: WeightUnit): ScaleReading {
  const flag = (groups.stable ?? '').trim().toUpperCase();
  if (OVERLOAD_FLAGS.has(flag)) return { grams: 0, stable: false, status: 'overweight', raw, at };
  const unit = groups.unit?.trim() ? parseUnit(groups.unit) : defaultUnit;
  if (!unit) return errorReading('UNIT_UNKNOWN', raw, at);
  const grams = decimalToGrams(groups.weight ?? '', unit);
  if (grams === null) return errorReading('WEIGHT_INVALID', raw, at);
  const stable = !MOTION_FLAGS.has(flag);
  return { grams, stable, status: !stable ? 'motion' : grams < 0 ? 'under_zero' : 'ok', raw, at };
}
