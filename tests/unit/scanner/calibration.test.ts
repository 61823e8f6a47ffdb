import { describe, expect, it } from 'vitest';
import { RISKY_BARCODE } from '../../../main/devices/index.js';
import { analyseCalibration, CALIBRATION_CODE, type CalibrationKey } from '../../../renderer/lib/scanner/calibration.js';
import { config, keysOf, special } from './timeline.js';

const raw = (keys: { code: string; key: string; shiftKey: boolean; timeStamp: number }[]): CalibrationKey[] =>
  keys.map((k) => ({ code: k.code, key: k.key, shiftKey: k.shiftKey, t: k.timeStamp }));
const scan = (opts: Parameters<typeof keysOf>[3] = {}, ms = 4) => keysOf(CALIBRATION_CODE, 100, ms, opts);
const enter = (t = 200) => special('Enter', t);
const kinds = (r: ReturnType<typeof analyseCalibration>) => r.findings.map((f) => f.kind);

describe('calibration verdicts', () => {
  it('the test barcode is the printed label test code', () => {
    expect(CALIBRATION_CODE).toBe(RISKY_BARCODE);
  });

  it('a US scanner with an Enter suffix is OK and suggests nothing', () => {
    const r = analyseCalibration(CALIBRATION_CODE, raw([...scan(), enter()]), config(), true);
    expect(r).toMatchObject({ ok: true, decoded: CALIBRATION_CODE, keyText: CALIBRATION_CODE, avgMsPerChar: 4, suffix: 'Enter', suggestion: null });
    expect(kinds(r)).toEqual(['ok', 'suffixOk']);
  });

  it('Telex rewriting is reported as an input method, while the code still decodes right', () => {
    const telex: Record<number, string> = { 1: 'đ', 4: 'â', 6: 'ư' };
    const r = analyseCalibration(CALIBRATION_CODE, raw([...scan({ keyOf: (ch, i) => telex[i] ?? ch }), enter()]), config(), true);
    expect(r.ok).toBe(true);
    expect(r.decoded).toBe(CALIBRATION_CODE);
    expect(r.findings).toContainEqual({ kind: 'ime', severity: 'warn', params: { keyText: 'Dđ-Aâ-ư-12-SF-aw' } });
  });

  it('an AZERTY OS layout is reported as harmless, with what each character became', () => {
    const azerty: Record<string, string> = { A: 'Q', a: 'q', W: 'Z', w: 'z', '-': ')', '1': '&', '2': 'é' };
    const r = analyseCalibration(CALIBRATION_CODE, raw([...scan({ keyOf: (ch) => azerty[ch] ?? ch }), enter()]), config(), true);
    expect(r.ok).toBe(true);
    const f = r.findings.find((x) => x.kind === 'osLayout');
    expect(f?.severity).toBe('info');
    // Six pairs show the pattern; the rest is elided.
    expect(f?.params.pairs).toBe('"-" → ")", "A" → "Q", "W" → "Z", "1" → "&", "2" → "é", "a" → "q", …');
  });

  it('a scanner set to another layout sends other key positions: the code is wrong and the page says which characters', () => {
    // An AZERTY-configured scanner types "-" with the 6 key.
    const keys = scan().map((k) => (k.key === '-' ? { ...k, code: 'Digit6', key: '-' } : k));
    const r = analyseCalibration(CALIBRATION_CODE, raw([...keys, enter()]), config(), true);
    expect(r.ok).toBe(false);
    expect(r.findings).toContainEqual({ kind: 'scannerLayout', severity: 'error', params: { pairs: '"-" → "6"' } });
  });

  it('a scanner slower than the threshold: measured pace and a threshold that would work', () => {
    const r = analyseCalibration(CALIBRATION_CODE, raw([...scan({}, 45), special('Enter', 100 + 16 * 45)]), config({ maxAvgMsPerChar: 30, endTimeoutMs: 80 }), false);
    expect(r.ok).toBe(false);
    expect(r.avgMsPerChar).toBe(45);
    expect(r.findings).toContainEqual({ kind: 'slow', severity: 'error', params: { measured: 45, threshold: 30 } });
    expect(kinds(r)).toContain('notDetected');
    expect(r.suggestion).toEqual({ maxAvgMsPerChar: 68 });
  });

  it('one long pause inside the scan would split it: raise endTimeoutMs', () => {
    const keys = scan().map((k, i) => (i >= 8 ? { ...k, timeStamp: k.timeStamp + 90 } : k));
    const r = analyseCalibration(CALIBRATION_CODE, raw([...keys, enter(300)]), config({ endTimeoutMs: 80 }), false);
    expect(r.maxGapMs).toBe(94);
    expect(r.suggestion).toMatchObject({ endTimeoutMs: 188 });
  });

  it('no suffix: a warning; a Tab suffix the station does not list: suggested', () => {
    const none = analyseCalibration(CALIBRATION_CODE, raw(scan()), config(), true);
    expect(none.findings).toContainEqual({ kind: 'noSuffix', severity: 'warn', params: { timeout: 80 } });
    expect(none.ok).toBe(true);
    const tab = analyseCalibration(CALIBRATION_CODE, raw([...scan(), special('Tab', 200)]), config({ suffixCodes: ['Enter'] }), true);
    expect(tab.suggestion).toEqual({ suffixCodes: ['Enter', 'Tab'] });
  });

  it('an F13 prefix: recognised when configured, suggested when not, missed when configured but absent', () => {
    const withPrefix = raw([special('F13', 90), ...scan(), enter()]);
    expect(kinds(analyseCalibration(CALIBRATION_CODE, withPrefix, config({ prefixCodes: ['F13'] }), true))).toContain('prefixOk');
    const unconfigured = analyseCalibration(CALIBRATION_CODE, withPrefix, config(), true);
    expect(unconfigured.suggestion).toEqual({ prefixCodes: ['F13'] });
    expect(kinds(analyseCalibration(CALIBRATION_CODE, raw([...scan(), enter()]), config({ prefixCodes: ['F13'] }), true))).toContain('prefixMissing');
  });

  it('an input method that replaces keys (Backspace and a new character) is an error: switch it to E', () => {
    const keys = raw([...scan(), enter()]);
    keys.splice(2, 0, { code: 'Backspace', key: 'Backspace', shiftKey: false, t: 105 }, { code: '', key: 'Đ', shiftKey: false, t: 106 });
    const r = analyseCalibration(CALIBRATION_CODE, keys, config(), true);
    expect(r.ok).toBe(false);
    expect(kinds(r)).toContain('imeInjected');
  });

  it('another barcode altogether is called that, not a layout problem', () => {
    const r = analyseCalibration(CALIBRATION_CODE, raw([...keysOf('8934567890123', 100, 4), enter()]), config(), true);
    expect(kinds(r)).toEqual(['otherCode', 'suffixOk']);
    expect(r.ok).toBe(false);
  });

  it('characters lost on the way are reported', () => {
    const keys = scan().filter((_, i) => i !== 5);
    const r = analyseCalibration(CALIBRATION_CODE, raw([...keys, enter()]), config(), true);
    expect(r.findings).toContainEqual(expect.objectContaining({ kind: 'missingChars', params: expect.objectContaining({ missing: 1 }) }));
  });
});
