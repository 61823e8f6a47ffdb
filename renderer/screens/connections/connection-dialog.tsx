import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionsContract, type Connection } from '../../../main/api/connections.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { CheckboxField, NumberField, RadioGroup, SelectField, TextField } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, validate, withRequired } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';
import { badNumbers, createInput, draftOf, missingFields, newDraft, PROVIDER_FIELDS, updateInput, type ConnectionDraft, type Provider } from './connection-draft.js';

export interface ConnectionDialogProps {
  /** undefined: closed; null: a new account; otherwise the account to edit. */
  connection: Connection | null | undefined;
  onClose: () => void;
}

/** Creates or edits a carrier account (admins). Secrets are write-only: blank keeps the stored one. */
export function ConnectionDialog({ connection, onClose }: ConnectionDialogProps) {
  const { t } = useTranslation('connections');
  const open = connection !== undefined;
  const create = useAction('connections.create');
  const update = useAction('connections.update');
  const [draft, setDraft] = useState<ConnectionDraft>(newDraft('ghn'));
  const secretsSet = connection?.secretsSet ?? [];

  useEffect(() => {
    if (!open) return;
    setDraft(connection ? draftOf(connection) : newDraft('ghn'));
    create.reset();
    update.reset();
    form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, connection]);

  const input = connection ? updateInput(connection, draft) : createInput(draft);
  const clientErrors = useMemo(() => {
    const schema = connection ? connectionsContract['connections.update'].input : connectionsContract['connections.create'].input;
    const base = validate(t, schema, input);
    const out = withRequired(t, base, [
      ...missingFields(draft, secretsSet).map((k) => `values.${k}`),
      ...(draft.environment === 'custom' && draft.baseUrl.trim() === '' ? ['baseUrl'] : []),
    ]);
    for (const k of badNumbers(draft)) out[`values.${k}`] = t('errors:validation.invalid');
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(input), draft, secretsSet, t]);
  const action = connection ? update : create;
  const serverErrors = useMemo(() => apiFieldErrors(t, action.error), [t, action.error]);
  const form = useFormErrors(clientErrors, serverErrors);

  const set = <K extends keyof ConnectionDraft>(k: K, v: ConnectionDraft[K]) => {
    form.touch(k);
    setDraft((d) => ({ ...d, [k]: v }));
  };
  const setValue = (key: string, v: string) => {
    form.touch(`values.${key}`);
    setDraft((d) => ({ ...d, values: { ...d.values, [key]: v } }));
  };

  const submit = async () => {
    if (!form.attempt()) return;
    const r = connection ? await update.run(updateInput(connection, draft)) : await create.run(createInput(draft));
    if (!r) return;
    toast('success', t('saved', { name: r.name }));
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={connection ? t('editTitle', { name: connection.name }) : t('newTitle')}
      size="md"
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={action.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
        </>
      }
    >
      {connection ? null : (
        <RadioGroup<Provider> label={t('field.provider')} value={draft.provider} onChange={(p) => setDraft((d) => ({ ...d, provider: p, values: {} }))}
          options={[{ value: 'ghn', label: t('provider.ghn') }, { value: 'viettelpost', label: t('provider.viettelpost') }]} />
      )}
      <div className="form-row">
        <TextField label={t('field.name')} value={draft.name} onChange={(v) => set('name', v)} error={form.errorFor('name')} required autoComplete="off" data-autofocus />
        <SelectField label={t('field.environment')} value={draft.environment} onChange={(v) => set('environment', v)}
          options={(['production', 'sandbox', 'custom'] as const).map((e) => ({ value: e, label: t(`environment.${e}`) }))} />
      </div>
      {draft.environment !== 'production' ? (
        <TextField label={t('field.baseUrl')} value={draft.baseUrl} onChange={(v) => set('baseUrl', v)} error={form.errorFor('baseUrl')} required={draft.environment === 'custom'}
          hint={t(`baseUrlHint.${draft.environment}`)} className="mono-input" autoComplete="off" placeholder="https://" />
      ) : null}
      <fieldset className="plain-fieldset connection-credentials">
        <legend className="field-label">{t('credentials', { provider: t(`provider.${draft.provider}`) })}</legend>
        <div className="form-row">
          {PROVIDER_FIELDS[draft.provider].map((f) => {
            const stored = f.where === 'secrets' && secretsSet.includes(f.key);
            if (f.kind === 'choice') {
              return (
                <SelectField
                  key={`${draft.provider}-${f.key}`}
                  label={t(`field.${f.key}`)}
                  value={draft.values[f.key] || f.fallback || ''}
                  onChange={(v) => setValue(f.key, v)}
                  error={form.errorFor(`values.${f.key}`)}
                  options={(f.options ?? []).map((o) => ({ value: o, label: t(`shipping:labelSize.${o}`) }))}
                  hint={t('labelSizeHint')}
                />
              );
            }
            return (
              <TextField
                key={`${draft.provider}-${f.key}`}
                label={t(`field.${f.key}`)}
                value={draft.values[f.key] ?? ''}
                onChange={(v) => setValue(f.key, v)}
                error={form.errorFor(`values.${f.key}`)}
                required={f.required && !stored}
                type={f.kind === 'secret' ? 'password' : 'text'}
                inputMode={f.kind === 'number' ? 'numeric' : undefined}
                autoComplete={f.kind === 'secret' ? 'new-password' : 'off'}
                placeholder={stored ? t('secretStored') : undefined}
                hint={f.kind === 'secret' ? (stored ? t('secretKeepHint') : t('secretHint')) : undefined}
              />
            );
          })}
        </div>
      </fieldset>
      <div className="form-row form-row-3">
        <NumberField label={t('field.ratePerMinute')} value={draft.ratePerMinute} onChange={(v) => set('ratePerMinute', v)} error={form.errorFor('ratePerMinute')} min={1} max={10000} />
        <NumberField label={t('field.concurrency')} value={draft.concurrency} onChange={(v) => set('concurrency', v)} error={form.errorFor('concurrency')} min={1} max={16} />
        <CheckboxField label={t('field.active')} checked={draft.active} onChange={(v) => set('active', v)} className="align-end" />
      </div>
      {action.error && Object.keys(serverErrors).length === 0 ? <ErrorBanner error={action.error} /> : null}
    </Dialog>
  );
}
