import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionContract } from '../../../main/api/session.js';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { call, toApiError, type ApiError } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { useSession } from '../../state/session-store.js';

/** Creates the first administrator and signs them in with the PIN just chosen. */
export function AdminSetupForm({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const input = { name, pin };
  const clientErrors = useMemo(() => {
    const errs = validate(t, sessionContract['session.setupAdmin'].input, input);
    if (errs.pin) errs.pin = t('errors:validation.pin');
    if (pin2 !== pin) errs.pin2 = t('errors:validation.pinMismatch');
    return errs;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, name, pin, pin2]);
  const serverErrors = useMemo(() => apiFieldErrors(t, error), [t, error]);
  const form = useFormErrors(clientErrors, serverErrors);

  const submit = async () => {
    if (!form.attempt() || pending) return;
    setPending(true);
    setError(undefined);
    try {
      const admin = await call('session.setupAdmin', input);
      await call('session.signIn', { operatorId: admin.id, pin });
      await useSession.getState().load();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <TextField label={t('signIn.adminName')} value={name} autoFocus required onChange={(v) => { setName(v); form.touch('name'); }} error={form.errorFor('name')} autoComplete="off" />
      <TextField label={t('signIn.pin')} type="password" inputMode="numeric" value={pin} required onChange={(v) => { setPin(v); form.touch('pin'); }} error={form.errorFor('pin')} hint={t('signIn.pinHint')} autoComplete="new-password" />
      <TextField label={t('signIn.pinConfirm')} type="password" inputMode="numeric" value={pin2} required onChange={(v) => { setPin2(v); form.touch('pin2'); }} error={form.errorFor('pin2')} autoComplete="new-password" />
      <ErrorBanner error={error} />
      <div className="form-actions">
        <Button onClick={onBack}>{t('actions.back')}</Button>
        <Button type="submit" variant="primary" busy={pending}>{t('signIn.create')}</Button>
      </div>
    </form>
  );
}
