// Mettler Toledo MT-SICS (level 0/1): ASCII commands and replies, each line ended by CR LF.
// Weight reply: `S S     12.345 g` (stable) or `S D     12.340 g` (dynamic); `SI` answers the same
// way. Refusals: `S I` (busy, cannot weigh now), `S +` overload, `S -` underload; `ES`, `ET`, `EL`
// are syntax, transmission and logic errors. Tare and zero answer `T S <tare>`, `Z A` or a refusal.
import { asciiOf, bytesOf, errorReading, type ScaleReading } from './reading.js';
import { decimalToGrams, parseUnit } from './units.js';

export const MT_SICS_COMMANDS = {
  /** Stable weight: the balance answers once it has settled (or `S I` on timeout). */
  stable: bytesOf('S\r\n'),
  /** Immediate weight, stable or not: what polling uses so motion shows live. */
  immediate: bytesOf('SI\r\n'),
  tare: bytesOf('T\r\n'),
  zero: bytesOf('Z\r\n'),
  reset: bytesOf('@\r\n'),
} as const;

/** One reply line (without CR LF) → a reading, or null for replies that carry no weight (tare/zero acks, reset). */
export function decodeMtSicsLine(frame: Uint8Array | string, at: number): ScaleReading | null {
  const line = (typeof frame === 'string' ? frame : asciiOf(frame)).trim();
  const raw = line;
  const base = { raw, at };
  if (line === 'ES' || line === 'ET' || line === 'EL') return errorReading('COMMAND_REFUSED', raw, at);
  const parts = /^(S|SI|T|TA|Z|I4|@)\s+(\S)(?:\s+(.*))?$/.exec(line);
  if (!parts) return line.startsWith('I4') ? null : errorReading('FRAME_INVALID', raw, at);
  const [, id, flag, rest] = parts;
  if (id !== 'S' && id !== 'SI') return null; // acks of tare, zero, reset and identity
  switch (flag) {
    case 'I': return { grams: 0, stable: false, status: 'busy', ...base };
    case '+': return { grams: 0, stable: false, status: 'overweight', ...base };
    case '-': return { grams: 0, stable: false, status: 'under_zero', ...base };
    case 'S':
    case 'D': {
      const m = /^(.*?)\s*([A-Za-z#]+)$/.exec(rest ?? '');
      if (!m) return errorReading('FRAME_INVALID', raw, at);
      const unit = parseUnit(m[2]!);
      if (!unit) return errorReading('UNIT_UNKNOWN', raw, at);
      const grams = decimalToGrams(m[1]!, unit);
      if (grams === null) return errorReading('WEIGHT_INVALID', raw, at);
      const stable = flag === 'S';
      return { grams, stable, status: !stable ? 'motion' : grams < 0 ? 'under_zero' : 'ok', ...base };
    }
    default:
      return errorReading('FRAME_INVALID', raw, at);
  }
}
