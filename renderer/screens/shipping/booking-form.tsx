import { useTranslation } from 'react-i18next';
import type { Order } from '../../../main/api/orders.js';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { ErrorBanner, Loading, Money } from '../../components/feedback.js';
import { MoneyField, NumberField, RadioGroup, SelectField, TextField } from '../../components/field.js';
import { formatVnd } from '../../lib/format.js';
import { AddressCheck } from './address-check.js';
import { SIDES, type BookingDefaults, type BookingDraft } from './booking-rules.js';
import { ServiceList } from './service-list.js';
import type { CarrierAccount } from './use-carrier-accounts.js';
import { limitText, useBookingForm } from './use-booking-form.js';

export interface BookingFormProps {
  order: Order;
  defaults: BookingDefaults;
  start: BookingDraft;
  accounts: readonly CarrierAccount[];
  onBooked: () => void;
  onCancel?: () => void;
}

/** Carrier account, address check, parcel, COD, payer, inspection, note, services; Ctrl+Enter books. */
export function BookingForm({ order, defaults, start, accounts, onBooked, onCancel }: BookingFormProps) {
  const { t } = useTranslation('shipping');
  const f = useBookingForm(order, defaults, start, onBooked);
  const { draft, set, form, limits, limitsKnown, warnings } = f;
  useShortcut('Ctrl+Enter', () => void f.submit(), { allowInInput: true });

  const hint = (field: 'codVnd' | 'insuranceVnd' | 'weightG', max: number | null) => (limitsKnown && max !== null ? t('book.limitHint', { limit: limitText(field, max) }) : undefined);
  const accountOptions = accounts.map((a) => ({
    value: String(a.id),
    label: `${a.name ?? t('book.defaultAccount')}${a.active ? '' : ` (${t('book.inactive')})`}`,
  }));
  const sideLabel = { lengthCm: t('book.length'), widthCm: t('book.width'), heightCm: t('book.height') };

  return (
    <form
      className="booking-form"
      aria-label={t('book.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void f.submit();
      }}
    >
      <div className="booking-top">
        <SelectField
          label={t('book.account')}
          className="booking-account"
          value={draft.accountId === null ? '' : String(draft.accountId)}
          onChange={(v) => set('accountId', v === '' ? null : Number(v))}
          options={draft.accountId === null ? [{ value: '', label: t('book.pickAccount') }, ...accountOptions] : accountOptions}
          required
        />
        <div className="booking-address">
          <span className="field-label">{t('address.title')}</span>
          {draft.accountId === null ? (
            <span className="muted">{t('address.needAccount')}</span>
          ) : (
            <AddressCheck orderId={order.id} accountId={draft.accountId} address={order.address} onResolved={f.setAddressOk} />
          )}
        </div>
      </div>

      <div className="booking-parcel">
        <MoneyField label={t('book.cod')} value={draft.codVnd} onChange={(v) => set('codVnd', v)} error={form.errorFor('codVnd')} hint={hint('codVnd', limits.maxCod)} required />
        <MoneyField label={t('book.insurance')} value={draft.insuranceVnd} onChange={(v) => set('insuranceVnd', v)} error={form.errorFor('insuranceVnd')}
          hint={warnings.insuranceVnd ? undefined : hint('insuranceVnd', limits.maxInsurance)} />
        <NumberField label={t('book.weight')} value={draft.weightG} onChange={(v) => set('weightG', v)} error={form.errorFor('weightG')} hint={hint('weightG', limits.maxWeightG)} min={1} required />
        {SIDES.map((side) => (
          <NumberField key={side} label={sideLabel[side]} value={draft[side]} onChange={(v) => set(side, v)} error={form.errorFor(side)} min={1} required
            hint={limitsKnown ? t('book.sideHint', { limit: limitText(side, limits.maxSideCm) }) : undefined} />
        ))}
      </div>

      {warnings.insuranceVnd ? (
        <p className="banner banner-warn booking-warning" role="status">{t('book.insuranceWarn', { limit: limitText('insuranceVnd', warnings.insuranceVnd.limit) })}</p>
      ) : null}

      <div className="booking-choices">
        <RadioGroup
          label={t('book.payer')}
          value={draft.payer}
          onChange={(v) => set('payer', v)}
          options={[
            { value: 'seller', label: t('payer.seller') },
            { value: 'buyer', label: t('payer.buyer') },
          ]}
        />
        <RadioGroup
          label={t('book.inspection')}
          value={draft.inspection}
          onChange={(v) => set('inspection', v)}
          options={[
            { value: 'look', label: t('inspection.look') },
            { value: 'try', label: t('inspection.try') },
            { value: 'none', label: t('inspection.none') },
          ]}
        />
        <TextField label={t('book.note')} className="booking-note" value={draft.note} onChange={(v) => set('note', v)} error={form.errorFor('note')} maxLength={500} autoComplete="off" />
      </div>
      {draft.payer === 'buyer' ? <p className="banner banner-info booking-payer-note">{t('book.buyerPays')}</p> : null}

      <div className="booking-services">
        {!f.addressOk ? <p className="muted">{t('book.quoteNeedsAddress')}</p> : null}
        {f.addressOk && f.quoting && !f.services ? <Loading label={t('book.quoting')} /> : null}
        <ErrorBanner error={f.quoteError} />
        {f.addressOk && f.services && f.services.length === 0 ? <p className="banner banner-warn">{t('book.noServices')}</p> : null}
        {f.addressOk && f.services && f.services.length > 0 ? (
          <ServiceList services={f.services} value={f.serviceCode} onChange={f.setServiceCode} stale={f.quoting} />
        ) : null}
        {f.noService ? <div className="field-error" role="alert">{t('book.pickService')}</div> : null}
      </div>

      <ErrorBanner error={f.fieldRefusal ? undefined : f.book.error} />
      <div className="booking-footer">
        {f.service ? (
          <span className="booking-summary">
            {t('book.summary', { service: f.service.name })} <Money value={f.service.feeVnd} strong />
            {draft.codVnd ? <span className="muted"> · {t('book.summaryCod', { cod: formatVnd(draft.codVnd) })}</span> : null}
          </span>
        ) : null}
        {onCancel ? <Button variant="ghost" onClick={onCancel}>{t('common:actions.cancel')}</Button> : null}
        <Button type="submit" variant="primary" shortcut="Ctrl+Enter" busy={f.book.pending}>{t('book.submit')}</Button>
      </div>
    </form>
  );
}
