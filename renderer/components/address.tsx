import { useTranslation } from 'react-i18next';
import type { StoredAddress } from '../../main/api/common.js';
import type { AddressForm } from '../lib/address-form.js';
import { formatPhone } from '../lib/format.js';
import { CheckboxField, TextField } from './field.js';
import { PhoneField } from './phone-field.js';

export { addressToInput, EMPTY_ADDRESS, storedToForm, type AddressForm } from '../lib/address-form.js';

export interface AddressFieldsProps {
  value: AddressForm;
  onChange: (next: AddressForm) => void;
  /** Error lookup by input path; paths are `${prefix}.street` etc. */
  errorFor?: (path: string) => string | undefined;
  prefix?: string;
  /** Recipient name and phone, when they can differ from the buyer's. */
  showRecipient?: boolean;
  /** Passed to the phone field: judge an unfinished number now (a save was attempted). */
  strict?: boolean;
}

/** Street, ward and province (2025 form), with the old province/district/ward behind a checkbox. */
export function AddressFields({ value, onChange, errorFor, prefix = 'address', showRecipient, strict }: AddressFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof AddressForm>(k: K, v: AddressForm[K]) => onChange({ ...value, [k]: v });
  const err = (k: string) => errorFor?.(`${prefix}.${k}`);
  return (
    <div className="address-fields">
      {showRecipient ? (
        <div className="form-row">
          <TextField label={t('address.recipientName')} value={value.recipientName} onChange={(v) => set('recipientName', v)} error={err('recipientName')} autoComplete="off" />
          <PhoneField label={t('address.phone')} value={value.phone} onChange={(v) => set('phone', v)} error={err('phone')} strict={strict} />
        </div>
      ) : null}
      <TextField label={t('address.street')} value={value.street} onChange={(v) => set('street', v)} error={err('street')} autoComplete="off" className="grow" />
      <div className="form-row">
        <TextField label={t('address.ward')} value={value.wardName} onChange={(v) => set('wardName', v)} error={err('wardName')} autoComplete="off" />
        <TextField label={t('address.province')} value={value.provinceName} onChange={(v) => set('provinceName', v)} error={err('provinceName')} autoComplete="off" />
      </div>
      <CheckboxField label={t('address.useLegacy')} checked={value.useLegacy} onChange={(v) => set('useLegacy', v)} />
      {value.useLegacy ? (
        <div className="form-row form-row-3">
          <TextField label={t('address.legacyWard')} value={value.legacyWard} onChange={(v) => set('legacyWard', v)} error={err('legacy.wardName')} />
          <TextField label={t('address.legacyDistrict')} value={value.legacyDistrict} onChange={(v) => set('legacyDistrict', v)} error={err('legacy.districtName')} />
          <TextField label={t('address.legacyProvince')} value={value.legacyProvince} onChange={(v) => set('legacyProvince', v)} error={err('legacy.provinceName')} />
        </div>
      ) : null}
    </div>
  );
}

/** A stored address as text: the 2025 form first, the old form and the raw text below when known. */
export function AddressView({ address, showRecipient = true }: { address: StoredAddress; showRecipient?: boolean }) {
  const { t } = useTranslation();
  const current = [address.streetLine, address.current?.wardName, address.current?.provinceName].filter(Boolean).join(', ');
  const legacy = address.legacy ? [address.legacy.wardName, address.legacy.districtName, address.legacy.provinceName].filter(Boolean).join(', ') : '';
  const raw = address.rawText.trim();
  return (
    <div className="address-view">
      {showRecipient && (address.recipientName || address.phone) ? (
        <div className="address-recipient">
          {address.recipientName}
          {address.phone ? <span className="muted"> · {formatPhone(address.phone)}</span> : null}
        </div>
      ) : null}
      <div>{current || raw || '—'}</div>
      {legacy ? (
        <div className="address-alt"><span className="muted">{t('address.legacyForm')}:</span> {legacy}</div>
      ) : null}
      {raw && raw !== current ? (
        <div className="address-alt"><span className="muted">{t('address.rawText')}:</span> {raw}</div>
      ) : null}
    </div>
  );
}
