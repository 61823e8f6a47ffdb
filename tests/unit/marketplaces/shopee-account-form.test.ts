import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { marketplaceHintFor } from '../../../main/api/marketplaces.js';
import { accountDraftErrors, accountInput, newAccountDraft } from '../../../renderer/screens/marketplaces/shopee-account-draft.js';

const t = ((key: string) => key) as unknown as TFunction;

describe('Shopee account form', () => {
  it('names each missing or malformed field', () => {
    expect(Object.keys(accountDraftErrors(t, newAccountDraft(), true)).sort()).toEqual(['name', 'partnerKey', 'settings.partnerId']);
    const d = { ...newAccountDraft(), name: 'Shop', partnerId: '12a', partnerKey: 'có dấu', environment: 'custom' as const, baseUrl: 'ftp://x', ratePerMinute: 0 };
    expect(accountDraftErrors(t, d, true)).toEqual({
      'settings.partnerId': 'marketplaces:form.errors.partnerIdInvalid', partnerKey: 'marketplaces:form.errors.partnerKeyInvalid',
      baseUrl: 'marketplaces:form.errors.baseUrlInvalid', ratePerMinute: 'marketplaces:form.errors.rateInvalid',
    });
    // Editing: an empty key keeps the stored one.
    expect(accountDraftErrors(t, { ...newAccountDraft(), name: 'Shop', partnerId: '2001887' }, false)).toEqual({});
  });
  it('sends the key only when typed, and no base URL outside a custom host', () => {
    const d = { ...newAccountDraft(), name: ' Shop ', partnerId: ' 2001887 ', baseUrl: 'http://ignored' };
    const stored = { accountId: 7 } as Parameters<typeof accountInput>[1];
    expect(accountInput(d, stored)).toEqual({ accountId: 7, name: 'Shop', environment: 'production', baseUrl: '', settings: { partnerId: '2001887' }, ratePerMinute: 120, active: true });
    expect(accountInput({ ...d, partnerKey: ' k ' }, null)).toMatchObject({ provider: 'shopee', partnerKey: 'k' });
  });
  it('maps provider codes to what the operator should do', () => {
    expect(marketplaceHintFor('SHOPEE_SIGN_INVALID')).toBe('partner_key');
    expect(marketplaceHintFor('SHOPEE_CLOCK')).toBe('clock');
    expect(marketplaceHintFor('SHOPEE_RECONNECT_NEEDED')).toBe('reconnect');
    expect(marketplaceHintFor('SHOPEE_TOKEN_INVALID')).toBe('reconnect');
    expect(marketplaceHintFor('SHOPEE_REJECTED')).toBeNull();
  });
});
