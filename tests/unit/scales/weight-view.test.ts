import { describe, expect, it } from 'vitest';
import { formatGrams, parseTypedWeight, scaleView } from '../../../renderer/components/weight-input/weight-view.js';
import type { ScaleState } from '../../../main/api/scales.js';

const base: ScaleState = { transport: 'simulated', protocol: 'line', connection: 'connected', error: null, weight: null, reason: 'motion', live: { grams: 812, stable: false, status: 'motion', at: 1 } };

describe('weight field view', () => {
  it('offers the settled weight only', () => {
    expect(scaleView(base)).toMatchObject({ tone: 'moving', messageKey: 'reasons.motion', liveGrams: 812, takeGrams: null });
    expect(scaleView({ ...base, weight: { grams: 810, at: 2 }, reason: null })).toMatchObject({ tone: 'stable', takeGrams: 810 });
    expect(scaleView({ ...base, reason: 'overweight', live: null })).toMatchObject({ tone: 'problem', takeGrams: null });
    expect(scaleView({ ...base, connection: 'disconnected', error: { code: 'SCALE_DISCONNECTED', message: '' } })).toMatchObject({ tone: 'problem', messageKey: 'errors.SCALE_DISCONNECTED' });
    expect(scaleView(undefined)).toMatchObject({ tone: 'none', takeGrams: null });
  });
  it('reads typed weights and shows grams', () => {
    expect(parseTypedWeight('850')).toBe(850);
    expect(parseTypedWeight('1,2kg')).toBe(1200);
    expect(parseTypedWeight('1.25 KG')).toBe(1250);
    expect(parseTypedWeight('1.2')).toBeNull();
    expect(parseTypedWeight('0')).toBeNull();
    expect(parseTypedWeight('abc')).toBeNull();
    expect(formatGrams(850, 'vi')).toBe('850 g');
    expect(formatGrams(1234, 'vi')).toBe('1,234 kg');
    expect(formatGrams(1234, 'en')).toBe('1.234 kg');
  });
});
