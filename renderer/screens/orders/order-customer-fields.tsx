import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_ADDRESS, storedToForm } from '../../components/address.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { PhoneField } from '../../components/phone-field.js';
import { SearchPicker } from '../../components/search-picker.js';
import { call, useCommand, type Output } from '../../lib/api.js';
import { formatPhone } from '../../lib/format.js';
import { useDebounced } from '../../lib/use-debounced.js';
import type { OrderDraft } from './order-draft.js';

type CustomerRow = Output<'customers.list'>['items'][number];

export interface OrderCustomerFieldsProps {
  draft: OrderDraft;
  onChange: (patch: Partial<OrderDraft>) => void;
  errorFor: (path: string) => string | undefined;
  touch: (path: string) => void;
  autoFocus?: boolean;
  strict?: boolean;
}

/** Pick an existing customer (their default address fills the form) or type a new one. */
export function OrderCustomerFields({ draft, onChange, errorFor, touch, autoFocus, strict }: OrderCustomerFieldsProps) {
  const { t } = useTranslation('orders');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const results = useCommand('customers.list', q ? { query: q, limit: 8 } : null);

  const pick = async (c: CustomerRow) => {
    onChange({ customer: { id: c.id, name: c.name, phone: c.phone }, buyerName: c.name, buyerPhone: c.phone });
    touch('customerId');
    const full = await call('customers.get', { id: c.id }).catch(() => null);
    const address = full?.addresses.find((a) => a.isDefault) ?? full?.addresses[0];
    // Only fill an untouched address: never overwrite what the operator already typed.
    if (address && draft.address.street === '' && draft.address.provinceName === '') onChange({ address: storedToForm(address.address) });
  };

  if (draft.customer) {
    return (
      <div className="chosen-customer">
        <div>
          <div className="chosen-name">{draft.customer.name}</div>
          <div className="muted num">{formatPhone(draft.customer.phone)}</div>
        </div>
        <Button size="sm" onClick={() => onChange({ customer: null, buyerName: '', buyerPhone: '', address: EMPTY_ADDRESS })}>{t('form.changeCustomer')}</Button>
      </div>
    );
  }
  return (
    <div className="form">
      <SearchPicker
        label={t('form.findCustomer')}
        autoFocus={autoFocus}
        placeholder={t('form.findCustomerPlaceholder')}
        query={query}
        onQueryChange={setQuery}
        items={q ? (results.data?.items ?? []) : []}
        loading={results.loading}
        itemKey={(c) => c.id}
        itemText={(c) => `${c.name} ${c.phone}`}
        renderItem={(c) => (
          <>
            <span className="grow">{c.name}</span>
            <span className="muted num">{formatPhone(c.phone)}</span>
            <span className="muted small">{t('form.existingCustomer', { count: c.orderCount })}</span>
          </>
        )}
        onPick={(c) => void pick(c)}
      />
      <div className="divider-label">{t('form.orNewCustomer')}</div>
      <div className="form-row">
        <TextField
          label={t('form.buyerName')}
          required
          value={draft.buyerName}
          onChange={(v) => { onChange({ buyerName: v }); touch('buyer.name'); }}
          error={errorFor('buyer.name')}
          autoComplete="off"
        />
        <PhoneField
          label={t('form.buyerPhone')}
          value={draft.buyerPhone}
          onChange={(v) => { onChange({ buyerPhone: v }); touch('buyer.phone'); }}
          error={errorFor('buyer.phone')}
          strict={strict}
        />
      </div>
    </div>
  );
}
