import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersContract } from '../../../main/api/customers.js';
import { AddressFields, addressToInput, EMPTY_ADDRESS, type AddressForm } from '../../components/address.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { CheckboxField, TextField } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { missingAddressParts } from '../../lib/address-form.js';
import { apiFieldErrors, validate, withRequired } from '../../lib/errors.js';
import { focusFirstInvalid, useFormErrors } from '../../lib/form.js';
import { phoneBlocksSave } from '../../components/phone-field.js';

/** Adds one address to a customer's address book. */
export function AddressDialog({ customerId, open, onClose }: { customerId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const [label, setLabel] = useState('');
  const [address, setAddress] = useState<AddressForm>(EMPTY_ADDRESS);
  const [makeDefault, setMakeDefault] = useState(false);
  const add = useAction('customers.addAddress');
  useEffect(() => {
    if (open) {
      setLabel('');
      setAddress(EMPTY_ADDRESS);
      setMakeDefault(false);
      add.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const input = { customerId, label, address: addressToInput(address), makeDefault };
  const clientErrors = useMemo(() => withRequired(t, validate(t, customersContract['customers.addAddress'].input, input), missingAddressParts(address).map((p) => `address.${p}`)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, customerId, label, address, makeDefault]);
  const form = useFormErrors(clientErrors, useMemo(() => apiFieldErrors(t, add.error), [t, add.error]));

  const submit = async () => {
    if (!form.attempt() || phoneBlocksSave(address.phone)) {
      focusFirstInvalid();
      return;
    }
    if (await add.run(input)) onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('address.title')}
      size="md"
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={add.pending} shortcut="Ctrl+Enter">{t('address.add')}</Button>
        </>
      }
    >
      <TextField label={t('address.label')} placeholder={t('address.labelPlaceholder')} value={label} onChange={setLabel} data-autofocus error={form.errorFor('label')} />
      <AddressFields value={address} onChange={setAddress} errorFor={form.errorFor} showRecipient strict={form.attempted} />
      <CheckboxField label={t('address.makeDefault')} checked={makeDefault} onChange={setMakeDefault} />
      <ErrorBanner error={add.error} />
    </Dialog>
  );
}
