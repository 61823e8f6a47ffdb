import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopeeStatus } from '../../../main/api/marketplaces.js';
import { Button } from '../../components/button.js';
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/field.js';
import { Dialog } from '../../components/dialog.js';
import { call } from '../../lib/api.js';
import { apiFieldErrors } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { accountDraftErrors, accountInput, draftOfAccount, newAccountDraft, type AccountDraft } from './shopee-account-draft.js';
import { shopeeErrorText } from './shopee-errors.js';

/** "Thêm tài khoản Shopee" / "Sửa tài khoản": name, environment and host, Partner ID, Partner Key (write-only), rate, active. */
export function ShopeeAccountForm({ account, onClose, onSaved }: { account: ShopeeStatus | null; onClose: () => void; onSaved: (s: ShopeeStatus) => void }) {
  const { t } = useTranslation('marketplaces');
  const isNew = account === null;
  const [d, setD] = useState<AccountDraft>(() => (account ? draftOfAccount(account) : newAccountDraft()));
  const [serverError, setServerError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const clientErrors = useMemo(() => accountDraftErrors(t, d, isNew), [t, d, isNew]);
  // Memoised: a new object each render would look like a new server answer to useFormErrors.
  const serverErrors = useMemo(() => apiFieldErrors(t, serverError), [t, serverError]);
  const form = useFormErrors(clientErrors, serverErrors);
  const set = <K extends keyof AccountDraft>(key: K, path: string = key) => (v: AccountDraft[K]) => {
    setD((x) => ({ ...x, [key]: v }));
    form.touch(path);
  };

  const save = async () => {
    if (!form.attempt()) return;
    setSaving(true);
    setServerError(null);
    try {
      const input = accountInput(d, account);
      const saved = 'accountId' in input ? await call('marketplaces.update', input) : await call('marketplaces.create', input);
      onSaved(saved);
    } catch (err) {
      setServerError(err);
    } finally {
      setSaving(false);
    }
  };

  const envOptions = (['production', 'sandbox', 'custom'] as const).map((value) => ({ value, label: t(`environment.${value}`) }));
  const generalError = serverError && Object.keys(serverErrors).length === 0 ? shopeeErrorText(t, serverError) : '';

  return (
    <Dialog
      open
      onClose={onClose}
      title={isNew ? t('form.createTitle') : t('form.editTitle', { name: account.name })}
      size="md"
      onSubmit={() => void save()}
      footer={<>
        <Button variant="ghost" onClick={onClose}>{t('form.cancel')}</Button>
        <Button variant="primary" type="submit" busy={saving} shortcut="Ctrl+Enter">{t('form.save')}</Button>
      </>}
    >
      <div className="shopee-account-form">
        <div className="form-row">
          <TextField label={t('form.name')} required value={d.name} onChange={set('name')} error={form.errorFor('name')} data-autofocus maxLength={80} />
          <SelectField label={t('form.environment')} value={d.environment} onChange={set('environment')} options={envOptions} hint={t('form.environmentHint')} />
        </div>
        {d.environment === 'custom' ? (
          <TextField label={t('form.baseUrl')} required value={d.baseUrl} onChange={set('baseUrl')} error={form.errorFor('baseUrl')} placeholder="http://127.0.0.1:8080" spellCheck={false} />
        ) : null}
        <div className="form-row">
          <TextField label={t('form.partnerId')} required value={d.partnerId} onChange={set('partnerId', 'settings.partnerId')} error={form.errorFor('settings.partnerId')} inputMode="numeric" hint={t('form.partnerIdHint')} />
          <TextField
            label={t('form.partnerKey')}
            required={isNew}
            type="password"
            autoComplete="off"
            value={d.partnerKey}
            onChange={set('partnerKey')}
            error={form.errorFor('partnerKey')}
            hint={!isNew && account.partnerKeySet ? t('form.partnerKeyKeep') : t('form.partnerKeyHint')}
          />
        </div>
        <div className="form-row">
          <NumberField label={t('form.rate')} value={d.ratePerMinute} onChange={set('ratePerMinute')} error={form.errorFor('ratePerMinute')} hint={t('form.rateHint')} />
          <CheckboxField label={t('form.active')} checked={d.active} onChange={set('active')} hint={t('form.activeHint')} />
        </div>
      </div>
      {!isNew && account.connected && (d.partnerId.trim() !== account.partnerId || d.environment !== account.environment || (d.environment === 'custom' && d.baseUrl.trim() !== account.baseUrl)) ? (
        <p className="banner banner-warn" role="status">{t('form.reconnectWarning')}</p>
      ) : null}
      {generalError ? <p className="banner banner-error" role="alert">{generalError}</p> : null}
    </Dialog>
  );
}
