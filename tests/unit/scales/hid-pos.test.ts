import { describe, expect, it } from 'vitest';
import { decodeHidPosReport, parseHidFilter } from '../../../main/devices/scales/hid-pos.js';

const r = (...b: number[]) => Uint8Array.from(b);

describe('HID-POS weighing report', () => {
  it('reads a stable weight in grams and kilograms', () => {
    expect(decodeHidPosReport(r(3, 4, 2, 0, 0xd2, 0x04), 5)).toMatchObject({ grams: 1234, stable: true, status: 'ok', at: 5 });
    expect(decodeHidPosReport(r(3, 4, 3, 0xfd, 0xd2, 0x04), 5)).toMatchObject({ grams: 1234 }); // 1234 × 10^-3 kg
    expect(decodeHidPosReport(r(3, 4, 12, 0xfe, 100, 0), 5)).toMatchObject({ grams: 454 }); // 1.00 lb
  });
  it('maps every status byte', () => {
    const status = (s: number) => decodeHidPosReport(r(3, s, 2, 0, 10, 0), 0);
    expect(status(1)).toMatchObject({ status: 'fault', stable: false, grams: 0 });
    expect(status(2)).toMatchObject({ status: 'ok', stable: true, grams: 0 });
    expect(status(3)).toMatchObject({ status: 'motion', stable: false, grams: 10 });
    expect(status(5)).toMatchObject({ status: 'under_zero', grams: -10 });
    expect(status(6)).toMatchObject({ status: 'overweight' });
    expect(status(7)).toMatchObject({ status: 'needs_calibration' });
    expect(status(8)).toMatchObject({ status: 'needs_zero' });
    expect(status(9)).toMatchObject({ status: 'error', error: 'FRAME_INVALID' });
  });
  it("reads Dymo ounces as tenths whatever the exponent says", () => {
    expect(decodeHidPosReport(r(3, 4, 11, 0, 123, 0), 0, { dymo: true })).toMatchObject({ grams: 349 });
    expect(decodeHidPosReport(r(3, 4, 11, 0, 123, 0), 0)).toMatchObject({ grams: 3487 });
  });
  it('ignores other reports and rejects short or unknown-unit ones without throwing', () => {
    expect(decodeHidPosReport(r(4, 0, 0), 0)).toBeNull();
    expect(decodeHidPosReport(r(3, 4, 2), 0)).toMatchObject({ status: 'error', error: 'FRAME_INVALID' });
    expect(decodeHidPosReport(r(), 0)).toMatchObject({ status: 'error' });
    expect(decodeHidPosReport(r(3, 4, 5, 0, 1, 0), 0)).toMatchObject({ status: 'error', error: 'UNIT_UNKNOWN' });
  });
  it('parses device filters', () => {
    expect(parseHidFilter('0922:8003')).toEqual({ vendorId: 0x922, productId: 0x8003 });
    expect(parseHidFilter('')).toEqual({});
    expect(parseHidFilter('dymo')).toBeNull();
  });
});
