// How the simulated scale writes each protocol. Written apart from the decoders on purpose (DESIGN.md
// rule 13): its own formatting and its own checksum, so a mistake on one side shows on the other.

export interface Sample {
  /** Displayed grams (after tare); may be negative. */
  grams: number;
  stable: boolean;
  overload: boolean;
}

const ascii = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const kgText = (grams: number, width: number) => `${grams < 0 ? '-' : ''}${(Math.abs(grams) / 1000).toFixed(3).padStart(width, '0')}`;

/** HID-POS data report in grams (report id 3, exponent 0); status 2 stable zero, 3 motion, 4 stable, 5 under zero, 6 overweight. */
export function hidPosReport(s: Sample): Uint8Array {
  const status = s.overload ? 6 : !s.stable ? 3 : s.grams < 0 ? 5 : s.grams === 0 ? 2 : 4;
  const magnitude = Math.min(0xffff, Math.abs(s.grams));
  return Uint8Array.of(3, status, 2, 0, magnitude & 0xff, magnitude >> 8);
}

/** MT-SICS reply to S/SI: `S S    1.234 kg`, `S D …` while moving, `S +` overloaded. */
export function mtSicsWeight(s: Sample): Uint8Array {
  if (s.overload) return ascii('S +\r\n');
  return ascii(`S ${s.stable ? 'S' : 'D'} ${kgText(s.grams, 5).padStart(10, ' ')} kg\r\n`);
}

export const mtSicsLine = (text: string) => ascii(`${text}\r\n`);

/** CAS weight frame wrapped in SOH … EOT: STX flag weight(7) unit(2) BCC ETX. */
export function casFrame(s: Sample): Uint8Array {
  const weight = s.overload ? '  OL   ' : `${s.grams < 0 ? '-' : ' '}${(Math.abs(s.grams) / 1000).toFixed(3).padStart(6, '0')}`;
  const body = ascii(`${s.stable && !s.overload ? 'S' : 'U'}${weight}kg`);
  const bcc = body.reduce((x, b) => x ^ b, 0);
  return Uint8Array.of(0x01, 0x02, ...body, bcc, 0x03, 0x04);
}

/** Streaming line: `ST,GS,+0001.234kg`, `US,GS,…` while moving, `OL,GS,+9999.999kg` overloaded. */
export function streamLine(s: Sample): Uint8Array {
  if (s.overload) return ascii('OL,GS,+9999.999kg\r\n');
  const sign = s.grams < 0 ? '-' : '+';
  return ascii(`${s.stable ? 'ST' : 'US'},GS,${sign}${kgText(Math.abs(s.grams), 8)}kg\r\n`);
}
