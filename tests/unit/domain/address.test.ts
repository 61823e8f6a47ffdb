import { describe, expect, it } from 'vitest';
import { toStoredAddress } from '../../../main/domain/shared/address.js';

describe('toStoredAddress', () => {
  it('keeps the 2025 two-level form and composes the raw text from it', () => {
    expect(toStoredAddress({
      recipientName: ' Nguyễn Thị Lan ', phone: ' 0912345678 ', street: ' 12 Lê Lợi ',
      provinceName: 'TP. Hồ Chí Minh', provinceCode: '79', wardName: 'Phường Bến Thành', wardCode: '26734',
    })).toEqual({
      recipientName: 'Nguyễn Thị Lan', phone: '0912345678', rawText: '12 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh',
      scheme: 'new2', streetLine: '12 Lê Lợi',
      current: { provinceCode: '79', provinceName: 'TP. Hồ Chí Minh', wardCode: '26734', wardName: 'Phường Bến Thành' },
    });
  });

  it('keeps the old three-level form when only that is given', () => {
    const a = toStoredAddress({
      street: '5 Hùng Vương',
      legacy: { provinceName: 'Đà Nẵng', districtName: 'Quận Hải Châu', wardName: 'Phường Hải Châu I' },
    });
    expect(a.scheme).toBe('legacy3');
    expect(a.rawText).toBe('5 Hùng Vương, Phường Hải Châu I, Quận Hải Châu, Đà Nẵng');
    expect(a.legacy).toEqual({ provinceName: 'Đà Nẵng', districtName: 'Quận Hải Châu', wardName: 'Phường Hải Châu I' });
    expect(a.current).toBeUndefined();
  });

  it('keeps both forms when both are given, composing from the current one', () => {
    const a = toStoredAddress({
      street: '5 Hùng Vương', provinceName: 'Đà Nẵng', wardName: 'Phường Hải Châu',
      legacy: { provinceName: 'Đà Nẵng', districtName: 'Quận Hải Châu', wardName: 'Phường Hải Châu I' },
    });
    expect(a.scheme).toBe('new2');
    expect(a.rawText).toBe('5 Hùng Vương, Phường Hải Châu, Đà Nẵng');
    expect(a.legacy?.districtName).toBe('Quận Hải Châu');
  });

  it('never rewrites a raw text that was given', () => {
    const raw = 'số 12 ngõ 34 Lê Lợi, P.Bến Thành, Q1, tp hcm';
    const a = toStoredAddress({ rawText: raw, street: '12 Lê Lợi', provinceName: 'TP. Hồ Chí Minh', wardName: 'Phường Bến Thành' });
    expect(a.rawText).toBe(raw);
    expect(a.scheme).toBe('new2');
  });

  it('is "unknown" with only a street, or a province without a ward', () => {
    expect(toStoredAddress({ street: '12 Lê Lợi' })).toMatchObject({ scheme: 'unknown', rawText: '12 Lê Lợi', streetLine: '12 Lê Lợi' });
    const noWard = toStoredAddress({ street: '12 Lê Lợi', provinceName: 'Hà Nội', wardName: '  ' });
    expect(noWard.scheme).toBe('unknown');
    expect(noWard.current).toBeUndefined();
    const legacyNoWard = toStoredAddress({ legacy: { provinceName: 'Hà Nội', districtName: 'Ba Đình', wardName: '' } });
    expect(legacyNoWard.scheme).toBe('unknown');
    expect(legacyNoWard.legacy).toBeUndefined();
  });

  it('gives empty strings, not undefined, for an empty address', () => {
    expect(toStoredAddress({})).toEqual({ recipientName: '', phone: '', rawText: '', scheme: 'unknown', streetLine: '' });
  });

  it('fills missing codes of the current form with empty strings', () => {
    expect(toStoredAddress({ provinceName: 'Hà Nội', wardName: 'Phường Ba Đình' }).current).toEqual({
      provinceCode: '', provinceName: 'Hà Nội', wardCode: '', wardName: 'Phường Ba Đình',
    });
  });
});
