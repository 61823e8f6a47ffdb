import { describe, expect, it } from 'vitest';
import type { Connection } from '../../main/api/connections.js';
import type { TFunction } from 'i18next';
import { ApiError } from '../../renderer/lib/api.js';
import { errorMessage, fieldAmount } from '../../renderer/lib/errors.js';
import viErrors from '../../renderer/locales/vi/errors.json';
import {
  bookInput, chunks, codForPayer, draftFromDefaults, draftIssues, draftWarnings, isLive, limitsOfAccount, pickService, quoteInput,
  type BookingDefaults, type ServiceQuote,
} from '../../renderer/screens/shipping/booking-rules.js';
import { createInput, draftOf, missingFields, newDraft, secretsOf, updateInput } from '../../renderer/screens/connections/connection-draft.js';

const GHN_LIMITS = { maxCod: 50_000_000, maxWeightG: 50_000, maxSideCm: 200, maxInsurance: null, insuranceWarnAbove: 5_000_000 };
const VTP_LIMITS = { maxCod: 50_000_000, maxWeightG: 100_000, maxSideCm: 300, maxInsurance: 50_000_000, insuranceWarnAbove: null };
const DEFAULTS: BookingDefaults = {
  accountId: 1, codVnd: 786_000, payer: 'seller', weightG: 1070, lengthCm: 25, widthCm: 20, heightCm: 20, insuranceVnd: 786_000, limits: GHN_LIMITS,
  accountLimits: [{ accountId: 1, carrier: 'ghn', limits: GHN_LIMITS }, { accountId: 2, carrier: 'viettelpost', limits: VTP_LIMITS }],
};

describe('booking draft checks', () => {
  it('accepts the defaults as they come', () => {
    expect(draftIssues(draftFromDefaults(DEFAULTS), GHN_LIMITS)).toEqual({});
  });
  it('names each box over the carrier limit with that limit', () => {
    const d = { ...draftFromDefaults(DEFAULTS), codVnd: 50_000_001, insuranceVnd: 60_000_000, weightG: 60_000, heightCm: 201 };
    expect(draftIssues(d, GHN_LIMITS)).toEqual({
      codVnd: { kind: 'over', limit: 50_000_000 },
      weightG: { kind: 'over', limit: 50_000 },
      heightCm: { kind: 'over', limit: 200 },
    });
    expect(draftIssues(d, VTP_LIMITS).insuranceVnd).toEqual({ kind: 'over', limit: 50_000_000 });
  });
  it('only warns about GHN insurance above 5,000,000 (the contract decides, G2.9)', () => {
    const d = { ...draftFromDefaults(DEFAULTS), insuranceVnd: 6_000_000 };
    expect(draftIssues(d, GHN_LIMITS)).toEqual({});
    expect(draftWarnings(d, GHN_LIMITS)).toEqual({ insuranceVnd: { limit: 5_000_000 } });
    expect(draftWarnings({ ...d, insuranceVnd: 5_000_000 }, GHN_LIMITS)).toEqual({});
    expect(draftWarnings(d, VTP_LIMITS)).toEqual({});
  });
  it('takes the limits of the account the form is on', () => {
    expect(limitsOfAccount(DEFAULTS, 2)).toBe(VTP_LIMITS);
    expect(limitsOfAccount(DEFAULTS, 1)).toBe(GHN_LIMITS);
    expect(limitsOfAccount(DEFAULTS, 9)).toBeNull();
    expect(limitsOfAccount(DEFAULTS, null)).toBeNull();
  });
  it('takes exactly the limit, refuses empty boxes and zero sizes', () => {
    const d = { ...draftFromDefaults(DEFAULTS), codVnd: 50_000_000, weightG: null, lengthCm: 0 };
    expect(draftIssues(d, GHN_LIMITS)).toEqual({ weightG: { kind: 'required' }, lengthCm: { kind: 'min', limit: 1 } });
  });
  it('limits the note to the contract length', () => {
    expect(draftIssues({ ...draftFromDefaults(DEFAULTS), note: 'x'.repeat(501) }, GHN_LIMITS).note).toEqual({ kind: 'over', limit: 500 });
  });
});

describe('quote and booking inputs', () => {
  it('prices only a complete draft with an account', () => {
    const d = draftFromDefaults(DEFAULTS);
    expect(quoteInput(7, { ...d, accountId: null }, GHN_LIMITS)).toBeNull();
    expect(quoteInput(7, { ...d, weightG: null }, GHN_LIMITS)).toBeNull();
    expect(quoteInput(7, { ...d, note: '  gọi trước  ' }, GHN_LIMITS)).toMatchObject({ orderId: 7, accountId: 1, codVnd: 786_000, weightG: 1070, note: 'gọi trước' });
  });
  it('books with the chosen service, its name and the quoted fee', () => {
    const q = quoteInput(7, draftFromDefaults(DEFAULTS), GHN_LIMITS)!;
    const service: ServiceQuote = { serviceCode: 'VCN', name: 'Chuyển phát nhanh', speed: 'fast', feeVnd: 64_260, expectedDeliveryAt: null };
    expect(bookInput(q, service)).toMatchObject({ serviceCode: 'VCN', serviceName: 'Chuyển phát nhanh', quotedFee: 64_260, codVnd: 786_000 });
  });
  it('keeps the operator’s service across new quotes while it is still offered', () => {
    const s = (code: string) => ({ serviceCode: code, name: code, speed: 'standard' as const, feeVnd: 1, expectedDeliveryAt: null });
    expect(pickService([s('A'), s('B')], 'B')).toBe('B');
    expect(pickService([s('A'), s('C')], 'B')).toBe('A');
    expect(pickService([], 'B')).toBeNull();
  });
});

describe('COD follows who pays shipping', () => {
  const order = { paymentMethod: 'cod' as const, total: 530_000, shippingFee: 30_000 };
  it('leaves our shipping charge out when the buyer pays the carrier', () => {
    expect(codForPayer(order, 'seller')).toBe(530_000);
    expect(codForPayer(order, 'buyer')).toBe(500_000);
  });
  it('collects nothing on a prepaid order', () => {
    expect(codForPayer({ ...order, paymentMethod: 'prepaid' }, 'buyer')).toBe(0);
  });
});

describe('shipping helpers', () => {
  it('counts cancelled and failed bookings as over', () => {
    expect(isLive('cancelled')).toBe(false);
    expect(isLive('booking_failed')).toBe(false);
    expect(isLive('exception')).toBe(true);
    expect(isLive('booking')).toBe(true);
  });
  it('splits bulk work into chunks of 20 for the progress bar', () => {
    const ids = Array.from({ length: 45 }, (_, i) => i + 1);
    expect(chunks(ids, 20).map((c) => c.length)).toEqual([20, 20, 5]);
    expect(chunks([], 20)).toEqual([]);
    expect(() => chunks(ids, 0)).toThrow();
  });
  it('writes limits with their unit', () => {
    expect(fieldAmount('codVnd', 50_000_000)).toBe('50.000.000 ₫');
    expect(fieldAmount('weightG', 50_000)).toBe('50.000 g');
    expect(fieldAmount('heightCm', 200)).toBe('200 cm');
  });
});

/** A stand-in for i18next over the Vietnamese errors file: nested keys, {{name}} interpolation, defaultValue. */
const t = ((key: string, opts: Record<string, unknown> = {}) => {
  const [ns, path] = key.includes(':') ? key.split(':') : ['common', key];
  let node: unknown = ns === 'errors' ? viErrors : undefined;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return (opts.defaultValue as string) ?? key;
  return node.replace(/{{(\w+)}}/g, (_, name: string) => String(opts[name] ?? ''));
}) as unknown as TFunction;

describe('carrier error messages', () => {
  it('names the field, the value and the limit with their units', () => {
    const err = new ApiError('CARRIER_LIMIT', 'codVnd 60000000 is over', { field: 'codVnd', limit: 50_000_000, value: 60_000_000 });
    expect(errorMessage(t, err)).toBe('Tiền thu hộ 60.000.000 ₫ vượt giới hạn của hãng (tối đa 50.000.000 ₫).');
  });
  it('picks the sentence for whose address did not match, or the plain one when a bulk result lost the details', () => {
    expect(errorMessage(t, new ApiError('ADDRESS_UNMATCHED', 'x', { owner: 'warehouse', warehouseId: 1 }))).toContain('kho gửi');
    expect(errorMessage(t, new ApiError('ADDRESS_UNMATCHED', 'x'))).toContain('mở đơn');
    expect(errorMessage(t, new ApiError('CARRIER_LIMIT', 'x'))).toContain('Kiện hàng vượt giới hạn');
  });
  it('explains a second booking by its reason instead of a generic conflict', () => {
    expect(errorMessage(t, new ApiError('CONFLICT', 'x', { reason: 'live_shipment', code: 'PD000024-1' }))).toContain('PD000024-1');
  });
});

describe('carrier account form', () => {
  const stored: Connection = {
    id: 2, provider: 'viettelpost', name: 'Viettel Post', environment: 'custom', baseUrl: 'http://127.0.0.1:4000', settings: { username: '0901234567' },
    secretsSet: ['password', 'webhookSecret'], ratePerMinute: 300, concurrency: 4, active: true, lastOkAt: null, lastError: null,
  };
  it('never sends a secret that was left blank, so the stored one stays', () => {
    const d = draftOf(stored);
    expect(d.values).toEqual({ username: '0901234567', password: '', webhookSecret: '', labelSize: 'a6' });
    expect(updateInput(stored, d)).not.toHaveProperty('secrets');
    expect(updateInput(stored, { ...d, values: { ...d.values, password: ' new-pass ' } }).secrets).toEqual({ password: 'new-pass' });
  });
  it('counts a stored secret as filled but asks for a new account’s', () => {
    expect(missingFields(draftOf(stored), stored.secretsSet)).toEqual([]);
    expect(missingFields(newDraft('viettelpost'), [])).toEqual(['username', 'password']);
  });
  it('sends the GHN shop id as a number and no base URL in production', () => {
    const d = { ...newDraft('ghn'), name: 'GHN', baseUrl: 'http://ignored', values: { token: 'abc', shopId: '4987123' } };
    const input = createInput(d);
    expect(input).toMatchObject({ provider: 'ghn', baseUrl: '', settings: { shopId: 4_987_123 }, secrets: { token: 'abc' } });
    expect(secretsOf({ ...d, values: { token: '   ' } })).toEqual({});
  });
  it('offers the carrier\'s label sizes, starting from its default, and sends the one picked', () => {
    expect(newDraft('ghn').values.labelSize).toBe('a5');
    expect(createInput({ ...newDraft('viettelpost'), values: { labelSize: '' } }).settings?.labelSize).toBe('a6');
    expect(updateInput(stored, { ...draftOf(stored), values: { ...draftOf(stored).values, labelSize: 'a7' } }).settings).toMatchObject({ labelSize: 'a7', username: '0901234567' });
  });
});
