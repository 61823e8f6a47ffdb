import { scannerConfig, type ScannerConfig } from '../../../main/api/stations.js';

// The scanner settings as a form edits them: numbers may be empty while typing, key lists are
// typed as space-separated key codes ("F13", "Enter Tab").

export interface ScannerForm {
  minLength: number | null;
  maxAvgMsPerChar: number | null;
  endTimeoutMs: number | null;
  dedupeMs: number | null;
  prefixCodes: string;
  suffixCodes: string;
  acceptPaste: boolean;
}

export function toForm(c: ScannerConfig): ScannerForm {
  return { ...c, prefixCodes: c.prefixCodes.join(' '), suffixCodes: c.suffixCodes.join(' ') };
}

const codes = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The config the form describes (unvalidated: run it through `scannerSchema`). */
export function fromForm(f: ScannerForm): Record<keyof ScannerConfig, unknown> {
  return { ...f, prefixCodes: codes(f.prefixCodes), suffixCodes: codes(f.suffixCodes) };
}

/** Number fields left empty: required here rather than silently reset to the default. */
export function emptyNumbers(f: ScannerForm): string[] {
  return (['minLength', 'maxAvgMsPerChar', 'endTimeoutMs', 'dedupeMs'] as const).filter((k) => f[k] === null);
}

export function sameConfig(a: ScannerConfig, b: Record<string, unknown>): boolean {
  return JSON.stringify(a) === JSON.stringify(scannerConfig.parse(b));
}
