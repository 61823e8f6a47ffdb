import './scale-tab.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scaleConfig } from '../../../main/api/stations.js';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { NumberField, SelectField, TextField } from '../../components/field.js';
import { Section } from '../../components/layout.js';
import { useAction, useCommand } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';
import { BAUD_RATES, DEFAULT_LINE_PATTERNS, formProblems, fromForm, protocolsFor, sameConfig, toForm, withTransport, type ScaleForm } from './scale-form.js';
import { ScaleLive } from './scale-live.js';
import { ScaleTestResult, type ScaleTestOutput } from './scale-test-result.js';
import type { StationTabProps } from './station-tabs.js';

const TEST_MS = 3_000;
/** What the simulated scale gets during a test run, so the run shows a parcel settling. */
const TEST_PARCEL_GRAMS = 850;
const OTHER = '\u0000other';

/** "Cân": the desk's scale settings (managers), a test with unsaved settings, and the live reading. */
export function ScaleTab({ station, canEdit }: StationTabProps) {
  const { t } = useTranslation('station');
  const seen = useCommand('scales.list', {});
  const protocols = seen.data?.protocols ?? ['hid_pos', 'mt_sics', 'cas', 'line'];
  const transports = seen.data?.transports ?? ['none', 'hid', 'serial', 'simulated'];
  const [form, setForm] = useState<ScaleForm>(() => toForm(station.scale));
  const [manual, setManual] = useState(false);
  const save = useAction('stations.update');
  const test = useAction('scales.test');
  const [tested, setTested] = useState<ScaleTestOutput | null>(null);
  const candidate = fromForm(form);

  const clientErrors = useMemo(() => {
    const errs = validate(t, scaleConfig, candidate);
    for (const [k, p] of Object.entries(formProblems(form))) errs[k] = t(`scale.errors.${p}`);
    return errs;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, form]);
  const serverErrors = useMemo(() => {
    const errs = apiFieldErrors(t, save.error ?? test.error);
    return Object.fromEntries(Object.entries(errs).map(([k, v]) => [k.replace(/^scale\./, ''), v]));
  }, [t, save.error, test.error]);
  const errors = useFormErrors(clientErrors, serverErrors);
  const valid = Object.keys(clientErrors).length === 0;
  const dirty = !valid || !sameConfig(station.scale, candidate);
  const set = <K extends keyof ScaleForm>(key: K, value: ScaleForm[K]) => {
    errors.touch(key);
    setForm((f) => ({ ...f, [key]: value }));
  };

  const submit = async () => {
    if (!canEdit || save.pending || !errors.attempt()) return;
    const saved = await save.run({ scale: scaleConfig.parse(candidate) });
    if (saved) {
      setForm(toForm(saved.scale));
      toast('success', t('scale.saved'));
    }
  };
  const runTest = async () => {
    if (!canEdit || test.pending || !errors.attempt()) return;
    setTested(null);
    const r = await test.run({ scale: scaleConfig.parse(candidate), durationMs: TEST_MS, ...(form.transport === 'simulated' ? { placeGrams: TEST_PARCEL_GRAMS } : {}) });
    if (r) setTested(r);
  };
  useShortcut('Ctrl+Enter', () => void submit(), { allowInInput: true, enabled: canEdit });
  useShortcut('Alt+T', () => void runTest(), { allowInInput: true, enabled: canEdit });

  const devices = form.transport === 'hid'
    ? (seen.data?.hidScales ?? []).map((d) => ({ value: d.device, label: `${d.label} (${d.device})` }))
    : (seen.data?.serialPorts ?? []).map((p) => ({ value: p.path, label: p.label && p.label !== p.path ? `${p.path} — ${p.label}` : p.path }));
  const known = form.device === '' || devices.some((d) => d.value === form.device);
  const deviceOptions = [
    { value: '', label: t('scale.anyDevice') },
    ...devices,
    ...(known ? [] : [{ value: form.device, label: t('scale.notSeen', { device: form.device }) }]),
    { value: OTHER, label: t('scale.otherDevice') },
  ];
  const hasDevice = form.transport === 'hid' || form.transport === 'serial';

  return (
    <div className="station-grid">
      <Section title={t('scale.title')}>
        <form className="station-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <fieldset className="fieldset station-fieldset" disabled={!canEdit}>
            <legend>{t('scale.connection')}</legend>
            <SelectField label={t('scale.fields.transport')} hint={t('scale.hints.transport')} value={form.transport}
              onChange={(v) => setForm((f) => withTransport(f, v, protocols))}
              options={transports.map((v) => ({ value: v, label: t(`scale.transports.${v}`) }))} />
            {form.transport !== 'none' ? (
              <SelectField label={t('scale.fields.protocol')} value={form.protocol} onChange={(v) => set('protocol', v)}
                options={protocolsFor(form.transport, protocols).map((v) => ({ value: v, label: t(`scale.protocols.${v}`) }))} />
            ) : null}
            {hasDevice ? (
              <>
                <SelectField label={t('scale.fields.device')} hint={devices.length ? t('scale.hints.device') : t('scale.noDevices')}
                  value={manual ? OTHER : form.device}
                  onChange={(v) => {
                    setManual(v === OTHER);
                    if (v !== OTHER) set('device', v);
                  }}
                  options={deviceOptions} error={manual ? undefined : errors.errorFor('device')} />
                {manual ? (
                  <TextField label={t('scale.fields.deviceManual')} hint={t('scale.hints.deviceManual')} value={form.device} onChange={(v) => set('device', v)}
                    error={errors.errorFor('device')} className="mono-field" data-autofocus />
                ) : null}
              </>
            ) : null}
            {form.transport === 'serial' ? (
              <SelectField label={t('scale.fields.baudRate')} hint={t('scale.hints.baudRate')} value={String(form.baudRate)}
                onChange={(v) => set('baudRate', Number(v))}
                options={[...new Set([...BAUD_RATES, form.baudRate])].sort((a, b) => a - b).map((b) => ({ value: String(b), label: String(b) }))} />
            ) : null}
            {form.transport !== 'none' && form.protocol === 'line' ? (
              <TextField label={t('scale.fields.linePattern')} value={form.linePattern} onChange={(v) => set('linePattern', v)}
                hint={<>{t('scale.hints.linePattern')}<br /><span className="mono small">{t('scale.defaultPatterns', { patterns: DEFAULT_LINE_PATTERNS.join('   ') })}</span></>}
                error={errors.errorFor('linePattern')} className="mono-field" spellCheck={false} />
            ) : null}
          </fieldset>
          <fieldset className="fieldset station-fieldset" disabled={!canEdit || form.transport === 'none'}>
            <legend>{t('scale.stability')}</legend>
            <div className="station-number-grid">
              {(['stableReadings', 'toleranceGrams'] as const).map((key) => (
                <NumberField key={key} label={t(`scale.fields.${key}`)} hint={t(`scale.hints.${key}`)} value={form[key]} onChange={(v) => set(key, v)} error={errors.errorFor(key)} />
              ))}
            </div>
          </fieldset>
          <ErrorBanner error={save.error && Object.keys(serverErrors).length === 0 ? save.error : undefined} />
          {canEdit ? (
            <div className="station-actions">
              <Button type="submit" variant="primary" disabled={!dirty} busy={save.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
              <Button onClick={() => void runTest()} busy={test.pending} disabled={form.transport === 'none'} shortcut="Alt+T">{t('scale.test')}</Button>
              <Button variant="ghost" onClick={() => { setManual(false); setForm(toForm(scaleConfig.parse({}))); }}>{t('scale.defaults')}</Button>
            </div>
          ) : null}
        </form>
        {canEdit ? (
          <div className="scale-test-area" aria-live="polite">
            <h3 className="scale-test-title">{t('scale.testTitle')}</h3>
            {test.pending ? <p className="muted">{t('scale.testing', { seconds: TEST_MS / 1000 })}</p>
              : tested ? <ScaleTestResult result={tested} />
                : <p className="muted small">{test.error ? null : t('scale.testNone')}</p>}
            <ErrorBanner error={test.error && Object.keys(serverErrors).length === 0 ? test.error : undefined} />
          </div>
        ) : null}
      </Section>
      <ScaleLive station={station} />
    </div>
  );
}
