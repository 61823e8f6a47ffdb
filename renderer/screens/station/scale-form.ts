import { scaleConfig, type ScaleConfig } from '../../../main/api/stations.js';
import { compileLinePattern, DEFAULT_LINE_PATTERNS } from '../../../main/devices/scales/line-protocol.js';

// The scale settings as the form edits them, and the rules the contract cannot express (which
// protocols go with which transport, a line pattern that compiles). Pure, so it is unit-tested.
// The line-pattern check is the devices' own compiler (pure code, no driver), so the form refuses
// exactly what the core would refuse when it opens the scale.

export { DEFAULT_LINE_PATTERNS };

export interface ScaleForm {
  transport: ScaleConfig['transport'];
  protocol: ScaleConfig['protocol'];
  device: string;
  baudRate: number;
  linePattern: string;
  stableReadings: number | null;
  toleranceGrams: number | null;
}

/** Rates RS-232 scales ship with; 9600 is by far the commonest. */
export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const toForm = (c: ScaleConfig): ScaleForm => ({ ...c });

/** Protocols a transport can carry: a USB HID scale speaks HID-POS, a serial one never does. */
export function protocolsFor(transport: ScaleForm['transport'], all: readonly ScaleConfig['protocol'][]): ScaleConfig['protocol'][] {
  if (transport === 'hid') return all.filter((p) => p === 'hid_pos');
  if (transport === 'serial') return all.filter((p) => p !== 'hid_pos');
  return [...all];
}

/** The form after a transport change: the protocol moves to one the transport can carry. */
export function withTransport(f: ScaleForm, transport: ScaleForm['transport'], all: readonly ScaleConfig['protocol'][]): ScaleForm {
  const allowed = protocolsFor(transport, all);
  return { ...f, transport, protocol: allowed.includes(f.protocol) ? f.protocol : allowed.includes('line') && transport !== 'hid' ? 'line' : allowed[0] ?? f.protocol };
}

export type ScaleFormProblem = 'required' | 'patternInvalid' | 'patternNoWeight';

/** Problems the contract's schema does not see, by field; keys under `station:scale.errors`. */
export function formProblems(f: ScaleForm): Partial<Record<keyof ScaleForm, ScaleFormProblem>> {
  const out: Partial<Record<keyof ScaleForm, ScaleFormProblem>> = {};
  if (f.stableReadings === null) out.stableReadings = 'required';
  if (f.toleranceGrams === null) out.toleranceGrams = 'required';
  if (f.protocol === 'line' && f.linePattern.trim()) {
    const re = compileLinePattern(f.linePattern);
    if (re === 'PATTERN_INVALID') out.linePattern = 'patternInvalid';
    else if (re === 'PATTERN_NO_WEIGHT') out.linePattern = 'patternNoWeight';
  }
  return out;
}

/** The config the form describes (unvalidated: run it through the contract's schema). */
export function fromForm(f: ScaleForm): Record<keyof ScaleConfig, unknown> {
  return { ...f, device: f.device.trim() };
}

export function sameConfig(a: ScaleConfig, b: Record<string, unknown>): boolean {
  const parsed = scaleConfig.safeParse(b);
  return parsed.success && JSON.stringify(a) === JSON.stringify(parsed.data);
}
