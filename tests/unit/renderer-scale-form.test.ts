import { describe, expect, it } from 'vitest';
import { scaleConfig } from '../../main/api/stations.js';
import { formProblems, fromForm, protocolsFor, sameConfig, toForm, withTransport } from '../../renderer/screens/station/scale-form.js';

const ALL = ['hid_pos', 'mt_sics', 'cas', 'line'] as const;
const base = toForm(scaleConfig.parse({}));

describe('scale settings form', () => {
  it('offers only the protocols a transport can carry', () => {
    expect(protocolsFor('hid', ALL)).toEqual(['hid_pos']);
    expect(protocolsFor('serial', ALL)).toEqual(['mt_sics', 'cas', 'line']);
    expect(protocolsFor('simulated', ALL)).toEqual([...ALL]);
  });

  it('moves the protocol along when the transport cannot carry it', () => {
    expect(withTransport(base, 'serial', ALL).protocol).toBe('line');
    expect(withTransport({ ...base, protocol: 'mt_sics' }, 'serial', ALL).protocol).toBe('mt_sics');
    expect(withTransport({ ...base, protocol: 'cas' }, 'hid', ALL).protocol).toBe('hid_pos');
  });

  it('refuses a line pattern that does not compile or has no weight group, and accepts an empty one', () => {
    const line = { ...base, transport: 'serial' as const, protocol: 'line' as const };
    expect(formProblems({ ...line, linePattern: '(?<weight>[0-9.' }).linePattern).toBe('patternInvalid');
    expect(formProblems({ ...line, linePattern: String.raw`^\s*(\d+)\s*g` }).linePattern).toBe('patternNoWeight');
    expect(formProblems({ ...line, linePattern: String.raw`^(?<weight>\d+) g$` })).toEqual({});
    expect(formProblems({ ...line, linePattern: '' })).toEqual({});
    // A pattern left behind under another protocol is not used, so it does not block saving.
    expect(formProblems({ ...line, protocol: 'cas', linePattern: '(' })).toEqual({});
  });

  it('requires the stability numbers instead of resetting them', () => {
    expect(formProblems({ ...base, stableReadings: null, toleranceGrams: null })).toEqual({ stableReadings: 'required', toleranceGrams: 'required' });
  });

  it('compares with what is saved after trimming the device', () => {
    const saved = scaleConfig.parse({ transport: 'serial', protocol: 'cas', device: 'COM3' });
    expect(sameConfig(saved, fromForm({ ...toForm(saved), device: ' COM3 ' }))).toBe(true);
    expect(sameConfig(saved, fromForm({ ...toForm(saved), baudRate: 4800 }))).toBe(false);
    expect(sameConfig(saved, fromForm({ ...toForm(saved), stableReadings: null }))).toBe(false);
  });
});
