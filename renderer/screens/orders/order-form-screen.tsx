import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_SOURCES, PAYMENT_METHODS } from '../../../main/api/common.js';
import { ordersContract } from '../../../main/api/orders.js';
import { useShortcut } from '../../app/shortcuts.js';
import { AddressFields, storedToForm } from '../../components/address.js';
import { Button } from '../../components/button.js';
import { CheckboxField, MoneyField, RadioGroup, SelectField, TextAreaField } from '../../components/field.js';
import { ErrorBanner, Loading, Money } from '../../components/feedback.js';
import { PageHeader, Section } from '../../components/layout.js';
import { phoneBlocksSave } from '../../components/phone-field.js';
import { call, useCommand, useTask } from '../../lib/api.js';
import { missingAddressParts } from '../../lib/address-form.js';
import { apiFieldErrors, validate, withRequired } from '../../lib/errors.js';
import { focusFirstInvalid, useFormErrors } from '../../lib/form.js';
import { goBack, navigate, useLocation, useParams } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { OrderCustomerFields } from './order-customer-fields.js';
import { draftToInput, draftTotals, EMPTY_DRAFT, orderToDraft, type OrderDraft } from './order-draft.js';
import { OrderLinesEditor } from './order-lines-editor.js';

/** New manual order ("/orders/new") or edit of one still before packing ("/orders/:id/edit"). */
export function OrderFormScreen() {
  const { t } = useTranslation('orders');
  const params = useParams();
  const { query } = useLocation();
  const editId = params.id ? Number(params.id) : null;
  const existing = useCommand('orders.get', editId ? { id: editId } : null);
  const warehouses = useCommand('warehouses.list', { includeInactive: false });
  const [draft, setDraft] = useState<OrderDraft>(EMPTY_DRAFT);
  const [loaded, setLoaded] = useState(editId === null);
  const saveTask = useTask();
  const { pending: saving, error: saveError } = saveTask;

  // Fill the form once from the order being edited (later refreshes must not wipe the edits).
  useEffect(() => {
    if (!loaded && existing.data) {
      setDraft(orderToDraft(existing.data));
      setLoaded(true);
    }
  }, [existing.data, loaded]);
  // Default to the first warehouse: most shops have one.
  useEffect(() => {
    if (draft.warehouseId === null && editId === null && warehouses.data?.length) setDraft((d) => ({ ...d, warehouseId: warehouses.data![0].id }));
  }, [warehouses.data, draft.warehouseId, editId]);

  // "/orders/new?customer=12" (from a customer's page) starts with that customer and address.
  const presetCustomer = editId === null ? Number(query.get('customer')) || null : null;
  useEffect(() => {
    if (!presetCustomer) return;
    call('customers.get', { id: presetCustomer })
      .then((c) => {
        const a = c.addresses.find((x) => x.isDefault) ?? c.addresses[0];
        setDraft((d) => ({ ...d, customer: { id: c.id, name: c.name, phone: c.phone }, buyerName: c.name, buyerPhone: c.phone, ...(a ? { address: storedToForm(a.address) } : {}) }));
      })
      .catch(() => undefined);
  }, [presetCustomer]);

  const patch = (p: Partial<OrderDraft>) => setDraft((d) => ({ ...d, ...p }));
  const input = useMemo(() => draftToInput(draft), [draft]);
  const clientErrors = useMemo(
    () => withRequired(t, validate(t, ordersContract['orders.create'].input, input), missingAddressParts(draft.address).map((p) => `address.${p}`)),
    [t, input, draft.address],
  );
  const serverErrors = useMemo(() => apiFieldErrors(t, saveError), [t, saveError]);
  const form = useFormErrors(clientErrors, serverErrors);
  const totals = draftTotals(draft);
  const locked = existing.data ? !existing.data.editable : false;

  const save = async () => {
    if (saving || locked) return;
    const phonesOk = !(draft.customer === null && phoneBlocksSave(draft.buyerPhone)) && !phoneBlocksSave(draft.address.phone);
    if (!form.attempt() || !phonesOk) {
      focusFirstInvalid();
      return;
    }
    const current = existing.data;
    const order = await saveTask.run(() =>
      current ? call('orders.update', { ...input, id: current.id, version: current.version }) : call('orders.create', input));
    if (!order) return;
    toast('success', t('form.saved', { number: order.number }));
    navigate(`/orders/${order.id}`, { replace: true });
  };
  useShortcut('Ctrl+Enter', () => void save(), { allowInInput: true });

  if (!loaded) return <div className="screen">{existing.error ? <ErrorBanner error={existing.error} /> : <Loading />}</div>;

  const title = existing.data ? t('form.editTitle', { number: existing.data.number }) : t('form.newTitle');
  return (
    <form className="screen" aria-label={title} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <PageHeader
        title={title}
        actions={
          <>
            <Button variant="ghost" onClick={() => goBack('/orders')}>{t('common:actions.back')}</Button>
            <Button type="submit" variant="primary" shortcut="Ctrl+Enter" busy={saving} disabled={locked}>{t('form.save')}</Button>
          </>
        }
      />
      {locked ? <div className="banner banner-warn">{t('form.locked')}</div> : null}
      <ErrorBanner error={saveError} />
      <div className="detail-grid">
        <div className="detail-main">
          <Section title={t('form.customer')}>
            <OrderCustomerFields autoFocus={editId === null} draft={draft} onChange={patch} errorFor={form.errorFor} touch={form.touch} strict={form.attempted} />
          </Section>
          <Section title={t('form.lines')}>
            <OrderLinesEditor lines={draft.lines} warehouseId={draft.warehouseId} onChange={(lines) => patch({ lines })} errorFor={form.errorFor} touch={form.touch} />
          </Section>
          <Section title={t('form.address')}>
            <AddressFields value={draft.address} onChange={(address) => { patch({ address }); form.touch('address'); }} errorFor={form.errorFor} showRecipient strict={form.attempted} />
          </Section>
        </div>
        <div className="detail-side">
          <Section title={t('detail.info')}>
            <div className="form">
              <SelectField label={t('form.source')} value={draft.source} onChange={(source) => patch({ source })} options={ORDER_SOURCES.map((s) => ({ value: s, label: t(`common:sources.${s}`) }))} />
              <SelectField
                label={t('form.warehouse')}
                required
                value={draft.warehouseId === null ? '' : String(draft.warehouseId)}
                onChange={(v) => {
                  // Availability was for the old warehouse; unknown until the lines are picked again.
                  patch({ warehouseId: v ? Number(v) : null, lines: draft.lines.map((l) => ({ ...l, available: null })) });
                  form.touch('warehouseId');
                }}
                options={[{ value: '', label: t('form.selectWarehouse') }, ...(warehouses.data ?? []).map((w) => ({ value: String(w.id), label: `${w.code} · ${w.name}` }))]}
                error={form.errorFor('warehouseId')}
              />
              <RadioGroup label={t('form.payment')} value={draft.paymentMethod} onChange={(paymentMethod) => patch({ paymentMethod })} options={PAYMENT_METHODS.map((p) => ({ value: p, label: t(`common:payment.${p}`) }))} />
              <TextAreaField label={t('form.note')} value={draft.note} onChange={(note) => patch({ note })} error={form.errorFor('note')} />
            </div>
          </Section>
          <Section title={t('form.totals')}>
            <div className="form">
              <div className="totals-line"><span className="muted">{t('detail.subtotal')}</span><Money value={totals.subtotal} /></div>
              <MoneyField label={t('form.shippingFee')} value={draft.shippingFee} onChange={(shippingFee) => { patch({ shippingFee }); form.touch('shippingFee'); }} error={form.errorFor('shippingFee')} />
              <MoneyField label={t('form.discount')} value={draft.discount} onChange={(discount) => { patch({ discount }); form.touch('discount'); }} error={form.errorFor('discount')} />
              <div className="totals-line totals-grand"><span>{t('detail.total')}</span><Money value={totals.total} strong /></div>
              {editId === null ? <CheckboxField label={t('form.confirmNow')} checked={draft.confirm} onChange={(confirm) => patch({ confirm })} /> : null}
            </div>
          </Section>
        </div>
      </div>
    </form>
  );
}
