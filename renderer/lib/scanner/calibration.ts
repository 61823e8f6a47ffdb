import type { ScannerConfig } from '../../../main/api/stations.js';
import { isModifierCode, usCharOf } from './us-keymap.js';

// What the calibration page concludes from one scan of the test barcode: pure, so every verdict
// is unit-tested from synthetic key timelines.

/**
 * The test barcode: sequences Telex/VNI input methods rewrite (DD→Đ, AA→Â, W→Ư, aw→ă, digits as
 * tones) and a layout-dependent "-". Equal to main/devices RISKY_BARCODE (a unit test holds them
 * together; that module pulls in the label rasteriser, too heavy for the renderer bundle).
 */
export const CALIBRATION_CODE = 'DD-AA-W-12-SF-aw';

export interface CalibrationKey {
  code: string;
  key: string;
  shiftKey: boolean;
  t: number;
}

export type FindingKind =
  | 'ok' // everything as expected
  | 'notDetected' // the app did not take the burst for a scan
  | 'scannerLayout' // the scanner sends other key positions than a US keyboard: the code decodes wrong
  | 'missingChars' // characters lost on the way
  | 'otherCode' // some other barcode was scanned
  | 'ime' // an input method rewrote key values (harmless for scans; fields typed by hand change)
  | 'imeInjected' // an input method replaced keys outright (Backspace + new character): scans can break
  | 'osLayout' // the OS layout is not US (harmless for scans)
  | 'capsLock'
  | 'slow' // average pace slower than the threshold
  | 'gap' // one pause longer than endTimeoutMs splits the scan
  | 'noSuffix'
  | 'suffixOk'
  | 'suffixUnconfigured'
  | 'prefixOk'
  | 'prefixUnconfigured'
  | 'prefixMissing'
  | 'paste' // a paste-mode scanner: no layout or input method can touch it
  | 'pasteMismatch';

export type Severity = 'ok' | 'info' | 'warn' | 'error';

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  params: Record<string, string | number>;
}

export interface CalibrationResult {
  expected: string;
  /** Decoded from the physical keys (what Packdesk uses). */
  decoded: string;
  /** What the key values said (what an app trusting `event.key` would have got). */
  keyText: string;
  avgMsPerChar: number;
  maxGapMs: number;
  prefix: string[];
  suffix: string | null;
  findings: Finding[];
  /** Settings that would make this scanner work, or null when the current ones do. */
  suggestion: Partial<Pick<ScannerConfig, 'maxAvgMsPerChar' | 'endTimeoutMs' | 'prefixCodes' | 'suffixCodes'>> | null;
  ok: boolean;
}

// Letters only Vietnamese input methods produce, and tone marks on vowels other than the accented
// letters a French/Belgian AZERTY types on its digit row (é è à ù ç).
const VIETNAMESE_LETTER = /[đĐâÂăĂưƯơƠ]/;
const TONE_MARK = /[\u0300-\u0303\u0309\u0323]/;
const AZERTY_ACCENTED = /[éèàùç]/;

function imeLike(chars: readonly CalibrationKey[], keyText: string): boolean {
  if (VIETNAMESE_LETTER.test(keyText) || chars.some((k) => k.key === 'Process')) return true;
  return [...keyText].some((c) => !AZERTY_ACCENTED.test(c) && TONE_MARK.test(c.normalize('NFD')));
}
const SUFFIX_CANDIDATES = /^(Enter|NumpadEnter|Tab)$/;

function diffPairs(expected: string, got: string): string {
  const pairs: string[] = [];
  for (let i = 0; i < Math.min(expected.length, got.length); i++) {
    if (expected[i] !== got[i] && !pairs.includes(`${expected[i]}→${got[i]}`)) pairs.push(`${expected[i]}→${got[i]}`);
  }
  // A handful is enough to see the pattern; a whole wrong code would bury the advice.
  const shown = pairs.slice(0, 6).map((p) => `"${p.replace('→', '" → "')}"`).join(', ');
  return pairs.length > 6 ? `${shown}, …` : shown;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Judges one capture: the raw keys of one scan attempt (modifiers included or not) and whether
 * the detector took it for a scan.
 */
export function analyseCalibration(expected: string, raw: readonly CalibrationKey[], config: ScannerConfig, detected: boolean): CalibrationResult {
  const keys = raw.filter((k) => !isModifierCode(k.code));
  const firstChar = keys.findIndex((k) => usCharOf(k.code, k.shiftKey) !== null);
  const prefix = (firstChar < 0 ? keys : keys.slice(0, firstChar)).map((k) => k.code);
  const rest = firstChar < 0 ? [] : keys.slice(firstChar);
  const chars = rest.filter((k) => usCharOf(k.code, k.shiftKey) !== null || k.code === 'Backspace' || k.code === '' || k.code === 'Unidentified');
  const lastChar = chars.length ? rest.indexOf(chars[chars.length - 1]) : -1;
  const after = rest.slice(lastChar + 1).map((k) => k.code);
  const suffix = after.find((c) => SUFFIX_CANDIDATES.test(c)) ?? null;

  const decoded = chars.map((k) => usCharOf(k.code, k.shiftKey) ?? '').join('');
  const keyText = chars.map((k) => (k.key.length === 1 ? k.key : k.key === 'Process' ? '?' : '')).join('');
  const gaps = chars.slice(1).map((k, i) => k.t - chars[i].t);
  const avgMsPerChar = gaps.length ? Math.round((gaps.reduce((a, b) => a + b, 0) / gaps.length) * 10) / 10 : 0;
  const maxGapMs = gaps.length ? Math.round(Math.max(...gaps)) : 0;

  const findings: Finding[] = [];
  const suggestion: NonNullable<CalibrationResult['suggestion']> = {};
  const add = (kind: FindingKind, severity: Severity, params: Finding['params'] = {}) => findings.push({ kind, severity, params });

  const injected = chars.some((k) => k.code === 'Backspace' || k.code === '' || k.code === 'Unidentified');
  if (injected) add('imeInjected', 'error', { keyText });
  const matching = [...expected].filter((ch, i) => decoded[i] === ch).length;
  if (decoded !== expected && !injected && matching < expected.length / 2 && !decoded.startsWith(expected.slice(0, 4))) {
    // Not a damaged test code but another one: layout advice would mislead.
    add('otherCode', 'error', { decoded });
  } else if (decoded !== expected && !injected) {
    if (decoded.length < expected.length) add('missingChars', 'error', { decoded, expected, missing: expected.length - decoded.length });
    else add('scannerLayout', 'error', { pairs: diffPairs(expected, decoded) });
  }
  if (keyText !== decoded && !injected) {
    if (imeLike(chars, keyText)) add('ime', 'warn', { keyText });
    else if (keyText.toLowerCase() === decoded.toLowerCase()) add('capsLock', 'info');
    else add('osLayout', 'info', { pairs: diffPairs(decoded, keyText) });
  }

  if (avgMsPerChar > config.maxAvgMsPerChar) {
    add('slow', prefix.some((c) => config.prefixCodes.includes(c)) ? 'info' : 'error', { measured: avgMsPerChar, threshold: config.maxAvgMsPerChar });
    suggestion.maxAvgMsPerChar = clamp(Math.ceil(avgMsPerChar * 1.5), 5, 200);
  }
  if (maxGapMs >= config.endTimeoutMs) {
    add('gap', 'error', { measured: maxGapMs, timeout: config.endTimeoutMs });
    suggestion.endTimeoutMs = clamp(Math.ceil(maxGapMs * 2), 20, 1000);
  }

  if (!suffix) {
    add('noSuffix', 'warn', { timeout: config.endTimeoutMs });
  } else if (config.suffixCodes.includes(suffix)) {
    add('suffixOk', 'ok', { key: suffix });
  } else {
    add('suffixUnconfigured', 'warn', { key: suffix });
    suggestion.suffixCodes = [...config.suffixCodes, suffix].slice(-4);
  }

  const seenPrefix = prefix.filter((c) => /^F\d{1,2}$/.test(c));
  if (seenPrefix.length && seenPrefix.every((c) => config.prefixCodes.includes(c))) {
    add('prefixOk', 'ok', { key: seenPrefix.join(' ') });
  } else if (seenPrefix.length) {
    add('prefixUnconfigured', 'warn', { key: seenPrefix.join(' ') });
    suggestion.prefixCodes = seenPrefix.slice(0, 4);
  } else if (config.prefixCodes.length) {
    add('prefixMissing', 'warn', { key: config.prefixCodes.join(' ') });
  }

  // The headline when the app missed the scan: the other findings say why.
  if (!detected && decoded.length > 0) findings.unshift({ kind: 'notDetected', severity: 'error', params: {} });
  const ok = !findings.some((f) => f.severity === 'error');
  if (ok && decoded === expected) findings.unshift({ kind: 'ok', severity: 'ok', params: {} });
  return {
    expected, decoded, keyText, avgMsPerChar, maxGapMs, prefix, suffix, findings,
    suggestion: Object.keys(suggestion).length ? suggestion : null,
    ok: ok && decoded === expected,
  };
}

/** A paste-mode scan: the clipboard carries the text, so only the text itself can be wrong. */
export function analysePaste(expected: string, text: string): CalibrationResult {
  const ok = text === expected;
  const findings: Finding[] = ok
    ? [{ kind: 'ok', severity: 'ok', params: {} }, { kind: 'paste', severity: 'info', params: {} }]
    : [{ kind: 'pasteMismatch', severity: 'error', params: { decoded: text, expected } }];
  return { expected, decoded: text, keyText: text, avgMsPerChar: 0, maxGapMs: 0, prefix: [], suffix: null, findings, suggestion: null, ok };
}
