import { describe, expect, it } from 'vitest';
import { decimalToGrams, parseDecimal, parseUnit, scaledToGrams } from '../../../main/devices/scales/units.js';

describe('weight units', () => {
  it('converts exactly and rounds halves away from zero', () => {
    expect(decimalToGrams('1.234', 'kg')).toBe(1234);
    expect(decimalToGrams('+0001.234', 'kg')).toBe(1234);
    expect(decimalToGrams('-0.0005', 'kg')).toBe(-1);
    expect(decimalToGrams('0.0015', 'kg')).toBe(2);
    expect(decimalToGrams('1', 'lb')).toBe(454); // 453.59237
    expect(decimalToGrams('0.1', 'lb')).toBe(45); // 45.359237, no float drift
    expect(decimalToGrams('1', 'oz')).toBe(28); // 28.349523125
    expect(decimalToGrams('16', 'oz')).toBe(454);
    expect(decimalToGrams('1500', 'mg')).toBe(2);
    expect(decimalToGrams('1,5', 'kg')).toBe(1500);
    expect(scaledToGrams(123n, -1, 'oz')).toBe(349); // 12.3 oz = 348.699…
  });
  it('refuses what is not a number or not a unit', () => {
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('.')).toBeNull();
    expect(parseDecimal('1.2.3')).toBeNull();
    expect(decimalToGrams('', 'g')).toBeNull();
    expect(parseUnit('KG')).toBe('kg');
    expect(parseUnit(' g')).toBe('g');
    expect(parseUnit('lbs')).toBe('lb');
    expect(parseUnit('ct')).toBeNull();
  });
});
