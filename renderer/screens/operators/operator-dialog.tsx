import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../main/api/common.js';
import { sessionContract } from '../../../main/api/session.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner } from '../../components/feedback.js';
import { CheckboxField, RadioGroup, TextField } from '../../components/field.js';
import { useAction, type Output } from '../../lib/api.js';
import { apiFieldErrors, validate, type FieldErrors } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';

export type OperatorRow = Output<'operators.list'>[number];
type Role = (typeof ROLES)[number];

/** create: name, role, PIN · edit: name, role, active · pin: a new PIN only. */
export type OperatorDialogMode = { kind: 'create' } | { kind: 'edit'; operator: OperatorRow } | { kind: 'pin'; operator: OperatorRow };

interface Form {
  name: string;
  role: Role;
  active: boolean;
  pin: string;
  pinAgain: string;
}

const createSchema = sessionContract['operators.create'].input;
const updateSchema = sessionContract['operators.update'].input;

export function OperatorDialog({ mode, selfId, onClose }: { mode: OperatorDialogMode; selfId: number | undefined; onClose: () => void }) {
  const { t } = useTranslation('operators');
  const existing = mode.kind === 'create' ? null : mode.operator;
  const [form, setForm] = useState<Form>({
    name: existing?.name ?? '',
    role: existing?.role ?? 'packer',
    active: existing?.active ?? true,
    pin: '',
    pinAgain: '',
  });
  const create = useAction('operators.create');
  const update = useAction('operators.update');
  const action = existing ? update : create;
  const asksPin = mode.kind !== 'edit';
  const asksProfile = mode.kind !== 'pin';

  const createInput = { name: form.name, role: form.role, pin: form.pin };
  const updateInput = existing === null ? null
    : mode.kind === 'pin' ? { id: existing.id, pin: form.pin }
    : { id: existing.id, name: form.name, role: form.role, active: form.active };

  // Validation is cheap; running it on every render keeps it in step with the form.
  const clientErrors: FieldErrors = updateInput ? validate(t, updateSchema, updateInput) : validate(t, createSchema, createInput);
  if (asksPin && form.pinAgain === '') clientErrors.pinAgain = t('errors:validation.required');
  else if (asksPin && form.pinAgain !== form.pin) clientErrors.pinAgain = t('pinMismatch');
  const serverErrors = useMemo(() => apiFieldErrors(t, action.error), [t, action.error]);
  const errors = useFormErrors(clientErrors, serverErrors);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.touch(key);
  };

  const submit = async () => {
    if (!errors.attempt() || action.pending) return;
    const saved = updateInput ? await update.run(updateInput) : await create.run(createInput);
    if (!saved) return;
    toast('success', t(`toast.${mode.kind}`, { name: saved.name }));
    onClose();
  };

  const isSelf = existing?.id === selfId;
  const title = mode.kind === 'create' ? t('dialog.newTitle') : t(mode.kind === 'pin' ? 'dialog.pinTitle' : 'dialog.editTitle', { name: mode.operator.name });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }));
  const pinProps = { type: 'password', inputMode: 'numeric', autoComplete: 'new-password', maxLength: 8 } as const;

  return (
    <Dialog
      open
      onClose={onClose}
      onSubmit={() => void submit()}
      title={title}
      footer={
        <>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={action.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
        </>
      }
    >
      <div className="form">
        {asksProfile ? (
          <>
            <TextField label={t('field.name')} required autoFocus maxLength={80} value={form.name} onChange={(v) => set('name', v)} error={errors.errorFor('name')} />
            <RadioGroup label={t('field.role')} value={form.role} onChange={(v) => set('role', v)} options={roleOptions} />
            <p className="field-hint">{t(`roleHint.${form.role}`)}</p>
          </>
        ) : null}
        {mode.kind === 'edit' ? (
          <CheckboxField label={t('field.active')} checked={form.active} disabled={isSelf} hint={isSelf ? t('selfHint') : undefined} onChange={(v) => set('active', v)} />
        ) : null}
        {asksPin ? (
          <>
            <TextField {...pinProps} label={t(mode.kind === 'pin' ? 'field.newPin' : 'field.pin')} required autoFocus={mode.kind === 'pin'} hint={t('pinHint')} value={form.pin} onChange={(v) => set('pin', v.replace(/\D/g, ''))} error={errors.errorFor('pin')} />
            <TextField {...pinProps} label={t('field.pinAgain')} required value={form.pinAgain} onChange={(v) => set('pinAgain', v.replace(/\D/g, ''))} error={errors.errorFor('pinAgain')} />
          </>
        ) : null}
      </div>
      <ErrorBanner error={action.error && Object.keys(serverErrors).length === 0 ? action.error : undefined} />
    </Dialog>
  );
}
