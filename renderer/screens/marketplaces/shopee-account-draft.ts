import type { TFunction } from 'i18next';
import type { ShopeeStatus } from '../../../main/api/marketplaces.js';
import { shopeePartnerKey } from '../../../main/api/marketplaces.js';
import { shopeePartnerId } from '../../../main/api/shopee-settings.js';
import type { FieldErrors } from '../../lib/errors.js';

// The Shopee account form's draft, checks and command input: pure, unit-tested.

export type Environment = ShopeeStatus['environment'];

export interface AccountDraft {
  name: string;
  environment: Environment;
  baseUrl: string;
  partnerId: string;
  /** Empty on edit = keep the stored key. */
  partnerKey: string;
  ratePerMinute: number | null;
  active: boolean;
}

export const newAccountDraft = (): AccountDraft => ({ name: '', environment: 'production', baseUrl: '', partnerId: '', partnerKey: '', ratePerMinute: 120, active: true });
export const draftOfAccount = (a: ShopeeStatus): AccountDraft => ({
  name: a.name, environment: a.environment, baseUrl: a.baseUrl, partnerId: a.partnerId, partnerKey: '', ratePerMinute: a.ratePerMinute, active: a.active,
});

/** The client-side checks, in the operator's language (the same rules the contract applies). */
export function accountDraftErrors(t: TFunction, d: AccountDraft, isNew: boolean): FieldErrors {
  const e: FieldErrors = {};
  if (!d.name.trim()) e.name = t('marketplaces:form.errors.nameRequired');
  if (!d.partnerId.trim()) e['settings.partnerId'] = t('marketplaces:form.errors.partnerIdRequired');
  else if (!shopeePartnerId.safeParse(d.partnerId).success) e['settings.partnerId'] = t('marketplaces:form.errors.partnerIdInvalid');
  if (isNew && !d.partnerKey.trim()) e.partnerKey = t('marketplaces:form.errors.partnerKeyRequired');
  else if (d.partnerKey.trim() && !shopeePartnerKey.safeParse(d.partnerKey).success) e.partnerKey = t('marketplaces:form.errors.partnerKeyInvalid');
  if (d.environment === 'custom') {
    if (!d.baseUrl.trim()) e.baseUrl = t('marketplaces:form.errors.baseUrlRequired');
    else if (!/^https?:\/\/[^\s/]+/i.test(d.baseUrl.trim())) e.baseUrl = t('marketplaces:form.errors.baseUrlInvalid');
  }
  if (d.ratePerMinute === null || d.ratePerMinute < 1 || d.ratePerMinute > 10_000) e.ratePerMinute = t('marketplaces:form.errors.rateInvalid');
  return e;
}

/** The command input: only the changed fields on edit, and the key only when one was typed. */
export function accountInput(d: AccountDraft, stored: ShopeeStatus | null) {
  const baseUrl = d.environment === 'custom' ? d.baseUrl.trim() : '';
  const base = {
    name: d.name.trim(), environment: d.environment, baseUrl, settings: { partnerId: d.partnerId.trim() },
    ratePerMinute: d.ratePerMinute ?? 120, active: d.active, ...(d.partnerKey.trim() ? { partnerKey: d.partnerKey.trim() } : {}),
  };
  return stored ? { accountId: stored.accountId, ...base } : { provider: 'shopee' as const, ...base, partnerKey: d.partnerKey.trim() };
}
