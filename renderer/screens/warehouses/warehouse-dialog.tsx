import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WAREHOUSE_TYPES } from '../../../main/api/common.js';
import { warehousesContract } from '../../../main/api/warehouses.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner } from '../../components/feedback.js';
import { CheckboxField, SelectField, TextField } from '../../components/field.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';
import { AddressFields, addressToInput, EMPTY_ADDRESS, storedToForm, type AddressForm } from '../../components/address.js';
import { useWarehouses, type Warehouse } from './use-warehouses.js';

type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

interface WarehouseForm {
  code: string;
  name: string;
  type: WarehouseType;
  /** Where carriers pick up: street, 2025 ward and province (the old form too, if known). */
  sender: AddressForm;
  contactName: string;
  contactPhone: string;
  active: boolean;
  allowNegative: boolean;
}

const BLANK: WarehouseForm = {
  code: '', name: '', type: 'main', sender: EMPTY_ADDRESS, contactName: '', contactPhone: '', active: true, allowNegative: false,
};

/** The command input: the one-line address is derived from the structured one by the core. */
const toInput = ({ sender, ...rest }: WarehouseForm) => ({ ...rest, address: '', senderAddress: addressToInput(sender) });

const createSchema = warehousesContract['warehouses.create'].input;

/** Create or edit one warehouse. Mount it when needed: its state starts from `warehouse` each time. */
export function WarehouseDialog({ warehouse, onClose }: { warehouse: Warehouse | null; onClose: () => void }) {
  const { t } = useTranslation('warehouses');
  const [form, setForm] = useState<WarehouseForm>(() => (warehouse ? pick(warehouse) : BLANK));
  const create = useAction('warehouses.create');
  const update = useAction('warehouses.update');
  const action = warehouse ? update : create;

  // Codes are unique (case-insensitively) among all warehouses, inactive ones included: the list is
  // at hand, so the clash shows while typing instead of after a save.
  const all = useWarehouses(true);
  const clientErrors = useMemo(() => {
    const errors = validate(t, createSchema, toInput(form));
    const code = form.code.trim().toUpperCase();
    const clash = all.data?.some((w) => w.id !== warehouse?.id && w.code.toUpperCase() === code);
    if (!errors.code && clash) errors.code = t('errors:codes.CODE_TAKEN', { value: form.code.trim() });
    return errors;
  }, [t, form, all.data, warehouse?.id]);
  const serverErrors = useMemo(() => apiFieldErrors(t, action.error), [t, action.error]);
  const errors = useFormErrors(clientErrors, serverErrors);
  // A field-level error (CODE_TAKEN on code, PHONE_INVALID on the phone) shows under its field;
  // anything else needs the banner.
  const bannerError = action.error && Object.keys(serverErrors).length === 0 ? action.error : undefined;

  const set = <K extends keyof WarehouseForm>(key: K, value: WarehouseForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.touch(key);
  };

  const submit = async () => {
    if (!errors.attempt() || action.pending) return;
    const saved = warehouse ? await update.run({ id: warehouse.id, ...toInput(form) }) : await create.run(toInput(form));
    if (!saved) return;
    toast('success', t(warehouse ? 'toast.updated' : 'toast.created', { code: saved.code }));
    onClose();
  };

  const typeOptions = WAREHOUSE_TYPES.map((v) => ({ value: v, label: t(`type.${v}`) }));
  return (
    <Dialog
      open
      size="md"
      onClose={onClose}
      onSubmit={() => void submit()}
      title={warehouse ? t('dialog.editTitle', { code: warehouse.code }) : t('dialog.newTitle')}
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={action.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
        </>
      }
    >
      <div className="form">
        <div className="form-row form-row-3">
          <TextField
            label={t('field.code')}
            required
            autoFocus
            maxLength={20}
            value={form.code}
            onChange={(v) => set('code', v.toUpperCase())}
            hint={t('hint.code')}
            error={errors.errorFor('code')}
          />
          <TextField label={t('field.name')} required maxLength={120} value={form.name} onChange={(v) => set('name', v)} error={errors.errorFor('name')} />
          <SelectField label={t('field.type')} value={form.type} onChange={(v) => set('type', v)} options={typeOptions} />
        </div>
        <fieldset className="fieldset">
          <legend>{t('field.address')}</legend>
          <AddressFields value={form.sender} onChange={(v) => set('sender', v)} errorFor={errors.errorFor} prefix="senderAddress" />
        </fieldset>
        <div className="form-row">
          <TextField label={t('field.contactName')} maxLength={120} value={form.contactName} onChange={(v) => set('contactName', v)} error={errors.errorFor('contactName')} />
          <TextField
            label={t('field.contactPhone')}
            type="tel"
            maxLength={30}
            value={form.contactPhone}
            onChange={(v) => set('contactPhone', v)}
            error={errors.errorFor('contactPhone')}
          />
        </div>
        <CheckboxField label={t('field.active')} checked={form.active} onChange={(v) => set('active', v)} />
        <CheckboxField label={t('field.allowNegative')} hint={t('hint.allowNegative')} checked={form.allowNegative} onChange={(v) => set('allowNegative', v)} />
      </div>
      <ErrorBanner error={bannerError} />
    </Dialog>
  );
}

function pick(w: Warehouse): WarehouseForm {
  const { code, name, type, contactName, contactPhone, active, allowNegative } = w;
  // A warehouse saved before addresses were structured keeps its text as the street line.
  const sender = w.senderAddress ? storedToForm(w.senderAddress) : { ...EMPTY_ADDRESS, street: w.address };
  return { code, name, type, sender, contactName, contactPhone, active, allowNegative };
}
