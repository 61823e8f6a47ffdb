import { describe, expect, it } from 'vitest';
import { ScanDetector } from '../../../renderer/lib/scanner/scan-detector.js';
import { config, feed, keysOf, scansIn, special } from './timeline.js';

const CODE = 'SPX-VN-0042';

describe('telling a scanner burst from typing', () => {
  it('a burst at 5 ms/char ending in Enter is one scan; its keys and the Enter are swallowed', () => {
    const d = new ScanDetector<string>(config());
    const keys = [...keysOf(CODE, 1000, 5), special('Enter', 1000 + CODE.length * 5)];
    const { decisions, outcomes } = feed(d, keys);
    expect(scansIn(outcomes)).toEqual([CODE]);
    expect(decisions.every((x) => x.consume)).toBe(true);
    const scan = outcomes[0].kind === 'scan' ? outcomes[0].scan : null;
    expect(scan).toMatchObject({ source: 'keyboard', startedAt: 1000, endedAt: 1055, suffix: 'Enter', prefixed: false, avgMsPerChar: 5 });
  });

  it('a person at 150 ms/char never makes a scan: every held key is released in order, and Enter goes on', () => {
    const d = new ScanDetector<string>(config());
    const keys = [...keysOf('NO123', 0, 150), special('Enter', 750)];
    const { decisions, outcomes } = feed(d, keys, 2000);
    expect(scansIn(outcomes)).toEqual([]);
    const released = outcomes.flatMap((o) => (o.kind === 'typing' ? o.keys.filter((k) => k.held).map((k) => k.token) : []));
    expect(released).toEqual(['N@0', 'O@1', '1@2', '2@3', '3@4']);
    expect(decisions.at(-1)?.consume).toBe(false);
  });

  it('a burst slower than maxAvgMsPerChar is typing, reported as slow with its pace', () => {
    const d = new ScanDetector<string>(config({ maxAvgMsPerChar: 30, endTimeoutMs: 200 }));
    const { outcomes } = feed(d, [...keysOf(CODE, 0, 45), special('Enter', 500)]);
    expect(scansIn(outcomes)).toEqual([]);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'typing', reason: 'slow', text: CODE, avgMsPerChar: 45 })]);
  });

  it('without a suffix a burst ends when keys stop for endTimeoutMs', () => {
    const d = new ScanDetector<string>(config({ endTimeoutMs: 80 }));
    const first = feed(d, keysOf('8930001', 0, 4));
    expect(first.outcomes).toEqual([]);
    expect(d.deadline()).toBe(24 + 80);
    expect(d.expire(24 + 79)).toEqual([]);
    expect(scansIn(d.expire(24 + 80))).toEqual(['8930001']);
  });

  it('bursts shorter than minLength are typing', () => {
    const d = new ScanDetector<string>(config({ minLength: 6 }));
    expect(scansIn(feed(d, [...keysOf('ABC12', 0, 5), special('Enter', 25)]).outcomes)).toEqual([]);
  });

  it("a person's key just before a scan is split off, not glued to the code", () => {
    const d = new ScanDetector<string>(config());
    const keys = [...keysOf('x', 0, 0), ...keysOf(CODE, 70, 5), special('Enter', 70 + CODE.length * 5)];
    const { outcomes } = feed(d, keys);
    expect(outcomes.map((o) => (o.kind === 'scan' ? `scan:${o.scan.code}` : `typing:${o.text}`))).toEqual(['typing:x', `scan:${CODE}`]);
  });

  it('auto-repeat of a held key and Ctrl combinations are never part of a scan', () => {
    const d = new ScanDetector<string>(config({ minLength: 2 }));
    const repeats = keysOf('aaaaaa', 0, 20).map((k, i) => ({ ...k, repeat: i > 0 }));
    expect(scansIn(feed(d, repeats, 500).outcomes)).toEqual([]);
    const ctrl = keysOf('kkkk', 1000, 3).map((k) => ({ ...k, ctrlKey: true }));
    const { decisions, outcomes } = feed(d, ctrl, 2000);
    expect(scansIn(outcomes)).toEqual([]);
    expect(decisions.every((x) => !x.consume)).toBe(true);
  });

  it('Space on a focused button is a person, not the start of a burst', () => {
    const d = new ScanDetector<string>(config());
    expect(feed(d, keysOf(' ', 0, 0)).decisions[0].consume).toBe(false);
    expect(d.inProgress()).toBe(false);
  });
});

describe('prefix and suffix', () => {
  it('with an F13 prefix the scan is known on the first key: every key is swallowed, even in a field and at any pace', () => {
    const d = new ScanDetector<string>(config({ prefixCodes: ['F13'] }));
    const keys = [special('F13', 0, true), ...keysOf('ab-12', 10, 60, { editable: true }), special('Enter', 300, true)];
    const { decisions, outcomes } = feed(d, keys);
    expect(decisions.every((x) => x.consume)).toBe(true);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'scan', scan: expect.objectContaining({ code: 'ab-12', prefixed: true, suffix: 'Enter' }) })]);
  });

  it('a prefixed scan without a suffix ends by timeout; a lone prefix scans nothing', () => {
    const d = new ScanDetector<string>(config({ prefixCodes: ['F13'], suffixCodes: [], endTimeoutMs: 50 }));
    expect(scansIn(feed(d, [special('F13', 0), ...keysOf('Q7', 5, 5)], 1000).outcomes)).toEqual(['Q7']);
    expect(feed(d, [special('F13', 2000)], 3000).outcomes).toEqual([]);
  });

  it('Tab and NumpadEnter end a scan when configured; Tab after typing goes on to move focus', () => {
    const d = new ScanDetector<string>(config());
    expect(scansIn(feed(d, [...keysOf('12345678', 0, 3), special('Tab', 24)]).outcomes)).toEqual(['12345678']);
    expect(scansIn(feed(d, [...keysOf('87654321', 500, 3), special('NumpadEnter', 524)]).outcomes)).toEqual(['87654321']);
    const typed = feed(d, [...keysOf('ab', 1000, 200, { editable: true }), special('Tab', 1400, true)]);
    expect(typed.decisions.at(-1)?.consume).toBe(false);
  });

  it('a suffix not in the list is not swallowed (Enter with suffixCodes [Tab])', () => {
    const d = new ScanDetector<string>(config({ suffixCodes: ['Tab'] }));
    const { decisions, outcomes } = feed(d, [...keysOf('12345678', 0, 3), special('Enter', 24)]);
    expect(decisions.at(-1)?.consume).toBe(false);
    // Enter interrupts: the burst so far is still judged, and it was a scan.
    expect(scansIn(outcomes)).toEqual(['12345678']);
  });
});

describe('paste-mode scanners', () => {
  const paste = (text: string, editable = false, pasteTarget = false) => ({ text, timeStamp: 100, editable, pasteTarget });

  it('a paste outside a field, or into a field asking for scans, is a scan; a trailing newline is dropped', () => {
    const d = new ScanDetector<string>(config());
    expect(scansIn(d.paste(paste('GHN123456\r\n')).outcomes)).toEqual(['GHN123456']);
    const into = d.paste(paste('GHN999999', true, true));
    expect(into.consume).toBe(true);
    expect(scansIn(into.outcomes)).toEqual(['GHN999999']);
  });

  it("a person's paste into a form field, several lines, or with acceptPaste off stays a paste", () => {
    const d = new ScanDetector<string>(config());
    expect(d.paste(paste('12 Lê Lợi, Quận 1', true)).consume).toBe(false);
    expect(d.paste(paste('ABC\nDEF')).consume).toBe(false);
    const off = new ScanDetector<string>(config({ acceptPaste: false }));
    expect(off.paste(paste('GHN123456')).consume).toBe(false);
  });
});

describe('bounce dedupe', () => {
  it('the same code within dedupeMs is one scan; after the window it counts again; another code always counts', () => {
    const d = new ScanDetector<string>(config({ dedupeMs: 150 }));
    const burst = (code: string, t: number) => [...keysOf(code, t, 3), special('Enter', t + code.length * 3)];
    const timeline = [...burst('SKU-0001', 0), ...burst('SKU-0001', 60), ...burst('SKU-0002', 120), ...burst('SKU-0002', 400), ...burst('SKU-0002', 800)];
    const { outcomes } = feed(d, timeline);
    expect(outcomes.map((o) => (o.kind === 'scan' ? `${o.scan.code}${o.duplicate ? ' (bounce)' : ''}` : 'typing'))).toEqual([
      'SKU-0001', 'SKU-0001 (bounce)', 'SKU-0002', 'SKU-0002', 'SKU-0002',
    ]);
  });

  it('dedupeMs 0 counts every repeat, however close', () => {
    const d = new ScanDetector<string>(config({ dedupeMs: 0 }));
    const timeline = Array.from({ length: 5 }, (_, i) => [...keysOf('SKU-0001', i * 40, 3), special('Enter', i * 40 + 24)]).flat();
    expect(scansIn(feed(d, timeline).outcomes)).toHaveLength(5);
  });
});

describe('decoding from physical keys', () => {
  const risky = 'DD-AA-W-12-SF-aw';

  it('Telex rewriting the key values (DD→Đ, AA→Â, W→Ư, aw→ă) does not change the decoded code', () => {
    const telex: Record<number, string> = { 1: 'Đ', 4: 'Â', 6: 'Ư', 15: 'ă' };
    const d = new ScanDetector<string>(config());
    const keys = [...keysOf(risky, 0, 4, { keyOf: (ch, i) => telex[i] ?? ch }), special('Enter', 64)];
    const { outcomes } = feed(d, keys);
    expect(scansIn(outcomes)).toEqual([risky]);
    const scan = outcomes[0].kind === 'scan' ? outcomes[0].scan : null;
    expect(scan?.keyText).toBe('DĐ-AÂ-Ư-12-SF-aă');
  });

  it('VNI rewriting digits into tone marks, and an IME reporting "Process", still decode right', () => {
    const d = new ScanDetector<string>(config());
    const vni = keysOf('A1B2C3D4', 0, 4, { keyOf: (ch) => ({ '1': 'Á', '2': 'À', '3': 'Ả', '4': 'Ã' })[ch] ?? 'Process' });
    expect(scansIn(feed(d, [...vni, special('Enter', 32)]).outcomes)).toEqual(['A1B2C3D4']);
  });

  it('an AZERTY layout (the OS turning US positions into other characters) decodes to what the scanner meant', () => {
    // What AZERTY makes of the US positions the scanner sends.
    const azerty: Record<string, string> = { A: 'Q', a: 'q', W: 'Z', w: 'z', '-': ')', '1': '&', '2': 'é' };
    const d = new ScanDetector<string>(config());
    const { outcomes } = feed(d, [...keysOf(risky, 0, 4, { keyOf: (ch) => azerty[ch] ?? ch }), special('Enter', 64)]);
    expect(scansIn(outcomes)).toEqual([risky]);
    expect(outcomes[0].kind === 'scan' && outcomes[0].scan.keyText).toBe('DD)QQ)Z)&é)SF)qz');
  });

  it('punctuation with and without Shift, numpad digits and operators', () => {
    const text = "a-_=+[{]}\\|;:'\",<.>/?`~!@#$%^&*()Z";
    const d = new ScanDetector<string>(config({ maxAvgMsPerChar: 5 }));
    expect(scansIn(feed(d, [...keysOf(text, 0, 2), special('Enter', 100)]).outcomes)).toEqual([text]);
    const pad = ['Numpad4', 'Numpad2', 'NumpadSubtract', 'Numpad7', 'NumpadDecimal', 'NumpadDivide'].map((code, i) => ({ code, key: 'x', shiftKey: false, timeStamp: 1000 + i * 3 }));
    expect(scansIn(feed(d, [...pad, special('NumpadEnter', 1020)]).outcomes)).toEqual(['42-7./']);
  });

  it('Shift pressed between characters (as scanners do for capitals) neither breaks nor slows the burst', () => {
    const d = new ScanDetector<string>(config());
    const keys = keysOf('AbC1', 0, 4).flatMap((k) => (k.shiftKey ? [{ code: 'ShiftLeft', key: 'Shift', shiftKey: true, timeStamp: k.timeStamp - 1 }, k] : [k]));
    expect(scansIn(feed(d, [...keys, special('Enter', 16)]).outcomes)).toEqual(['AbC1']);
  });
});

describe('a focused text field', () => {
  it('keys of an unprefixed burst go into the field, and the scan returns them all so the field can be restored', () => {
    const d = new ScanDetector<string>(config());
    const { decisions, outcomes } = feed(d, [...keysOf('ORD-1001', 0, 4, { editable: true }), special('Enter', 32, true)]);
    expect(decisions.slice(0, -1).every((x) => !x.consume)).toBe(true);
    expect(decisions.at(-1)?.consume).toBe(true);
    const scan = outcomes[0].kind === 'scan' ? outcomes[0].scan : null;
    expect(scan?.keys.map((k) => k.token)).toEqual([...'ORD-1001'].map((ch, i) => `${ch}@${i}`));
    expect(scan?.keys.every((k) => !k.held)).toBe(true);
  });
});
