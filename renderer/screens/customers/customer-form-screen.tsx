import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersContract } from '../../../main/api/customers.js';
import { useShortcut } from '../../app/shortcuts.js';
import { AddressFields, addressToInput, EMPTY_ADDRESS, type AddressForm } from '../../components/address.js';
import { Button } from '../../components/button.js';
import { TextAreaField, TextField } from '../../components/field.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader, Section } from '../../components/layout.js';
import { PhoneField, phoneBlocksSave } from '../../components/phone-field.js';
import { call, useCommand, useTask } from '../../lib/api.js';
import { missingAddressParts } from '../../lib/address-form.js';
import { apiFieldErrors, validate, withRequired } from '../../lib/errors.js';
import { focusFirstInvalid, useFormErrors } from '../../lib/form.js';
import { normalizeVnMobile } from '../../lib/phone.js';
import { goBack, navigate, useParams } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';

interface Fields { name: string; phone: string; email: string; note: string }
const EMPTY: Fields = { name: '', phone: '', email: '', note: '' };

function hasAddress(a: AddressForm): boolean {
  return [a.street, a.provinceName, a.wardName, a.recipientName].some((s) => s.trim() !== '');
}

/** "/customers/new" and "/customers/:id/edit". A new customer may get a first address at once. */
export function CustomerFormScreen() {
  const { t } = useTranslation('customers');
  const { id } = useParams();
  const editId = id ? Number(id) : null;
  const existing = useCommand('customers.get', editId ? { id: editId } : null);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [address, setAddress] = useState<AddressForm>(EMPTY_ADDRESS);
  const [loaded, setLoaded] = useState(editId === null);
  const saveTask = useTask();
  const { pending: saving, error: saveError } = saveTask;

  useEffect(() => {
    if (!loaded && existing.data) {
      const { name, phone, email, note } = existing.data;
      setFields({ name, phone, email, note });
      setLoaded(true);
    }
  }, [existing.data, loaded]);

  const base = { ...fields, phone: normalizeVnMobile(fields.phone) };
  const createInput = { ...base, addresses: hasAddress(address) ? [addressToInput(address)] : [] };
  const input = editId ? { ...base, id: editId } : createInput;
  const clientErrors = useMemo(
    () =>
      withRequired(
        t,
        validate(t, editId ? customersContract['customers.update'].input : customersContract['customers.create'].input, input),
        editId ? [] : missingAddressParts(address).map((p) => `addresses.0.${p}`),
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, editId, fields, address],
  );
  const form = useFormErrors(clientErrors, useMemo(() => apiFieldErrors(t, saveError), [t, saveError]));
  const set = (k: keyof Fields) => (v: string) => {
    setFields((f) => ({ ...f, [k]: v }));
    form.touch(k);
  };

  const save = async () => {
    if (saving) return;
    if (!form.attempt() || phoneBlocksSave(fields.phone) || phoneBlocksSave(address.phone)) {
      focusFirstInvalid();
      return;
    }
    const c = await saveTask.run(() => (editId ? call('customers.update', { ...base, id: editId }) : call('customers.create', createInput)));
    if (!c) return;
    toast('success', t('form.saved', { name: c.name }));
    navigate(`/customers/${c.id}`, { replace: true });
  };
  useShortcut('Ctrl+Enter', () => void save(), { allowInInput: true });

  if (!loaded) return <div className="screen">{existing.error ? <ErrorBanner error={existing.error} /> : <Loading />}</div>;
  const title = existing.data ? t('form.editTitle', { name: existing.data.name }) : t('form.newTitle');

  return (
    <form className="screen" aria-label={title} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <PageHeader
        title={title}
        actions={
          <>
            <Button variant="ghost" onClick={() => goBack('/customers')}>{t('common:actions.back')}</Button>
            <Button type="submit" variant="primary" shortcut="Ctrl+Enter" busy={saving}>{t('form.save')}</Button>
          </>
        }
      />
      <ErrorBanner error={saveError} />
      <div className="form-narrow">
        <Section title={t('detail.info')}>
          <div className="form">
            <div className="form-row">
              <TextField label={t('form.name')} required autoFocus value={fields.name} onChange={set('name')} error={form.errorFor('name')} autoComplete="off" />
              <PhoneField label={t('form.phone')} value={fields.phone} onChange={set('phone')} error={form.errorFor('phone')} strict={form.attempted} />
            </div>
            <TextField label={t('form.email')} type="email" value={fields.email} onChange={set('email')} error={form.errorFor('email')} autoComplete="off" />
            <TextAreaField label={t('form.note')} value={fields.note} onChange={set('note')} error={form.errorFor('note')} />
          </div>
        </Section>
        {editId === null ? (
          <Section title={t('form.firstAddress')}>
            <AddressFields value={address} onChange={(a) => { setAddress(a); form.touch('addresses'); }} errorFor={form.errorFor} prefix="addresses.0" showRecipient strict={form.attempted} />
          </Section>
        ) : null}
      </div>
    </form>
  );
}
