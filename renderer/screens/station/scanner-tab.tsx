import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scannerConfig } from '../../../main/api/stations.js';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { CheckboxField, NumberField, TextField } from '../../components/field.js';
import { Section } from '../../components/layout.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, validate, withRequired } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { href } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { emptyNumbers, fromForm, sameConfig, toForm, type ScannerForm } from './scanner-form.js';
import type { StationTabProps } from './station-tabs.js';

const NUMBER_FIELDS = ['minLength', 'maxAvgMsPerChar', 'endTimeoutMs', 'dedupeMs'] as const;

/** How this desk tells scans from typing; the calibration page measures a scanner and suggests values. */
export function ScannerTab({ station, canEdit }: StationTabProps) {
  const { t } = useTranslation('station');
  const [form, setForm] = useState<ScannerForm>(() => toForm(station.scanner));
  const save = useAction('stations.update');
  const candidate = fromForm(form);
  const clientErrors = useMemo(
    () => withRequired(t, validate(t, scannerConfig, candidate), emptyNumbers(form)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, form],
  );
  const serverErrors = useMemo(() => {
    const errs = apiFieldErrors(t, save.error);
    return Object.fromEntries(Object.entries(errs).map(([k, v]) => [k.replace(/^scanner\./, ''), v]));
  }, [t, save.error]);
  const errors = useFormErrors(clientErrors, serverErrors);
  const dirty = Object.keys(clientErrors).length > 0 || !sameConfig(station.scanner, candidate);
  const set = <K extends keyof ScannerForm>(key: K, value: ScannerForm[K]) => {
    errors.touch(key);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async () => {
    if (!canEdit || save.pending || !errors.attempt()) return;
    const saved = await save.run({ scanner: scannerConfig.parse(candidate) });
    if (saved) {
      setForm(toForm(saved.scanner));
      toast('success', t('scanner.saved'));
    }
  };
  useShortcut('Ctrl+Enter', () => void submit(), { allowInInput: true, enabled: canEdit });

  return (
    <div className="station-grid">
      <Section title={t('scanner.title')} actions={<a className="btn btn-secondary btn-sm" href={href('/station/scanner')}>{t('scanner.calibrate')}</a>}>
        <form className="station-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <fieldset className="fieldset station-fieldset" disabled={!canEdit}>
            <legend>{t('scanner.timing')}</legend>
            <div className="station-number-grid">
              {NUMBER_FIELDS.map((key) => (
                <NumberField key={key} label={t(`scanner.fields.${key}`)} hint={t(`scanner.hints.${key}`)} value={form[key]} onChange={(v) => set(key, v)} error={errors.errorFor(key)} />
              ))}
            </div>
          </fieldset>
          <fieldset className="fieldset station-fieldset" disabled={!canEdit}>
            <legend>{t('scanner.keys')}</legend>
            <TextField label={t('scanner.fields.prefixCodes')} hint={t('scanner.hints.prefixCodes')} value={form.prefixCodes} onChange={(v) => set('prefixCodes', v)} error={errors.errorFor('prefixCodes')} className="mono-field" />
            <TextField label={t('scanner.fields.suffixCodes')} hint={t('scanner.hints.suffixCodes')} value={form.suffixCodes} onChange={(v) => set('suffixCodes', v)} error={errors.errorFor('suffixCodes')} className="mono-field" />
            <CheckboxField label={t('scanner.fields.acceptPaste')} hint={t('scanner.hints.acceptPaste')} checked={form.acceptPaste} disabled={!canEdit} onChange={(v) => set('acceptPaste', v)} />
          </fieldset>
          <ErrorBanner error={save.error && Object.keys(serverErrors).length === 0 ? save.error : undefined} />
          {canEdit ? (
            <div className="station-actions">
              <Button type="submit" variant="primary" disabled={!dirty} busy={save.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
              <Button onClick={() => setForm(toForm(scannerConfig.parse({})))}>{t('scanner.defaults')}</Button>
            </div>
          ) : null}
        </form>
      </Section>
      <Section title={t('scanner.howTitle')}>
        <ul className="station-notes">
          {(['decode', 'prefix', 'ime', 'queue'] as const).map((k) => <li key={k}>{t(`scanner.how.${k}`)}</li>)}
        </ul>
      </Section>
    </div>
  );
}
