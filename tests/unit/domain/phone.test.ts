import { describe, expect, it } from 'vitest';
import { checkPhone, toLocalPhone } from '../../../main/domain/shared/phone.js';

// specs/carriers-einvoice.md §C4: mobile prefixes per network (portability means the prefix only has
// to be in the set), landlines 02 + 9 digits, +84 / 84 forms, separators stripped.
const PREFIXES: Record<string, string[]> = {
  Viettel: ['032', '033', '034', '035', '036', '037', '038', '039', '086', '096', '097', '098'],
  VinaPhone: ['081', '082', '083', '084', '085', '088', '091', '094'],
  MobiFone: ['070', '076', '077', '078', '079', '089', '090', '093'],
  Vietnamobile: ['052', '056', '058', '092'],
  Gmobile: ['059', '099'],
  Itel: ['087'],
  Reddi: ['055'],
};
const ALL_PREFIXES = Object.values(PREFIXES).flat();
const NOT_MOBILE = Array.from({ length: 100 }, (_, i) => `0${String(i).padStart(2, '0')}`)
  .filter((p) => !ALL_PREFIXES.includes(p) && !p.startsWith('02'));

describe('toLocalPhone', () => {
  it.each([
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['(+84) 912-345-678', '0912345678'],
    ['+84 24 3825 1234', '02438251234'],
    ['842438251234', '02438251234'],
  ])('%s → %s', (raw, local) => {
    expect(toLocalPhone(raw)).toBe(local);
  });

  it('leaves a number that only starts like 84 but is too short alone', () => {
    expect(toLocalPhone('8491234')).toBe('8491234');
  });
});

describe('checkPhone: mobiles', () => {
  it.each(Object.entries(PREFIXES).flatMap(([network, prefixes]) => prefixes.map((p) => [network, p])))('%s %s accepted in every form', (_network, prefix) => {
    const local = `${prefix}1234567`;
    const rest = local.slice(1);
    for (const form of [local, `+84${rest}`, `84${rest}`, `+84 ${rest.slice(0, 2)} ${rest.slice(2, 5)} ${rest.slice(5)}`, `${local.slice(0, 4)}.${local.slice(4, 7)}.${local.slice(7)}`]) {
      expect(checkPhone(form), form).toEqual({ ok: true, phone: local, kind: 'mobile' });
    }
  });

  it.each(NOT_MOBILE)('refuses the prefix %s, which no network uses', (prefix) => {
    expect(checkPhone(`${prefix}1234567`)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['09335656565', 'an 11-digit mobile (a sample in the carriers\u2019 own docs)'],
    ['01234567890', 'an old 11-digit 012x mobile, converted in 2018'],
    ['01662345678', 'an old 016x Viettel mobile'],
    ['091234567', '9 digits'],
    ['+849123456789', '+84 with 10 digits after it'],
    ['0912345678a', 'a letter'],
    ['912345678', 'no leading 0'],
    ['+1 650 253 0000', 'a foreign number'],
  ])('refuses %s (%s)', (raw) => {
    expect(checkPhone(raw)).toEqual({ ok: false, reason: 'format' });
  });

  it('still accepts the doc sample written with dots, 0967.363.789', () => {
    expect(checkPhone('0967.363.789')).toEqual({ ok: true, phone: '0967363789', kind: 'mobile' });
  });
});

describe('checkPhone: landlines', () => {
  it.each([
    ['024 3825 1234', '02438251234'],
    ['028.3823.4567', '02838234567'],
    ['+84 236 3821 234', '02363821234'],
    ['84292 3821 234', '02923821234'],
  ])('accepts %s as %s', (raw, local) => {
    expect(checkPhone(raw)).toEqual({ ok: true, phone: local, kind: 'landline' });
  });

  it.each(['0243825123', '024382512345', '03438251234'])('refuses %s (not 02 + 9 digits)', (raw) => {
    expect(checkPhone(raw).ok).toBe(false);
  });
});

describe('checkPhone: empty', () => {
  it.each(['', '   ', ' . - '])('reports %j as empty', (raw) => {
    expect(checkPhone(raw)).toEqual({ ok: false, reason: 'empty' });
  });
});
