// CAS serial protocol (ENQ/ACK/DC1 handshake, as the CAS PD/AP/ER families and r_keeper's driver notes
// describe it): the host sends ENQ, the scale answers ACK, the host sends DC1 and the scale sends one
// weight frame:
//   [SOH] STX  flag('S' stable | 'U' unstable)  weight(7 chars, e.g. " 01.234" or "-00.500")
//   unit(2 chars: "kg", " g", "lb", "oz")  BCC  ETX  [EOT]
// BCC is the XOR of every byte from the flag through the unit. BCC may itself equal ETX, so frames
// are cut by length (CAS_FRAME_LENGTH bytes from STX), never by searching for ETX.
import { asciiOf, errorReading, printable, type ScaleReading } from './reading.js';
import { decimalToGrams, parseUnit } from './units.js';

export const CAS = { SOH: 0x01, STX: 0x02, ETX: 0x03, EOT: 0x04, ENQ: 0x05, ACK: 0x06, NAK: 0x15, DC1: 0x11 } as const;
/** STX + flag + 7 weight + 2 unit + BCC + ETX. */
export const CAS_FRAME_LENGTH = 13;

export const CAS_COMMANDS = { enquire: Uint8Array.of(CAS.ENQ), send: Uint8Array.of(CAS.DC1) } as const;

export function casChecksum(bytes: Uint8Array): number {
  let x = 0;
  for (const b of bytes) x ^= b;
  return x;
}

/** One frame starting at STX → a reading. Frames with a wrong length, checksum or layout are error readings. */
export function decodeCasFrame(frame: Uint8Array, at: number): ScaleReading {
  const raw = printable(frame);
  if (frame.length !== CAS_FRAME_LENGTH || frame[0] !== CAS.STX || frame[CAS_FRAME_LENGTH - 1] !== CAS.ETX) {
    return errorReading('FRAME_INVALID', raw, at);
  }
  const body = frame.subarray(1, CAS_FRAME_LENGTH - 2);
  if (casChecksum(body) !== frame[CAS_FRAME_LENGTH - 2]) {
    return errorReading('CHECKSUM', raw, at);
  }
  const text = asciiOf(body);
  const flag = text[0];
  if (flag !== 'S' && flag !== 'U') return errorReading('FRAME_INVALID', raw, at);
  const weight = text.slice(1, 8);
  if (/OL|OVER/i.test(weight)) return { grams: 0, stable: false, status: 'overweight', raw, at };
  const unit = parseUnit(text.slice(8, 10));
  if (!unit) return errorReading('UNIT_UNKNOWN', raw, at);
  const grams = decimalToGrams(weight, unit);
  if (grams === null) return errorReading('WEIGHT_INVALID', raw, at);
  const stable = flag === 'S';
  return { grams, stable, status: !stable ? 'motion' : grams < 0 ? 'under_zero' : 'ok', raw, at };
}
