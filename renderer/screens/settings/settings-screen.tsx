import '../catalog/extras.css';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionContract } from '../../../main/api/session.js';
import { Button } from '../../components/button.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { RadioGroup, TextField } from '../../components/field.js';
import { KeyValues, PageHeader, Section } from '../../components/layout.js';
import { useAction, useCommand } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { formatDateTime, formatNumber } from '../../lib/format.js';
import { LANGUAGES } from '../../lib/i18n.js';
import { hasRole, useOperator, useSession } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { BackupSection, IntegritySection } from './backup-section.js';
import { formatBytes } from './format-bytes.js';

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const isManager = hasRole('manager', useOperator()?.role);
  const info = useCommand('system.info', {});

  return (
    <div className="screen">
      <PageHeader title={t('title')} />
      <div className="settings-grid">
        <LanguageSection />
        <StationSection canEdit={isManager} />
        <Section title={t('system.title')}>
          <ErrorBanner error={info.error} />
          {info.loading && !info.data ? <Loading /> : null}
          {info.data ? (
            <KeyValues
              items={[
                { label: t('system.version'), value: <span className="mono">{info.data.version}</span> },
                { label: t('system.dataDir'), value: <span className="mono break">{info.data.dataDir}</span> },
                { label: t('system.schemaVersion'), value: <span className="num">{info.data.schemaVersion}</span> },
                { label: t('system.databaseSize'), value: <span className="num">{formatBytes(info.data.databaseBytes)}</span> },
                { label: t('system.lastBackup'), value: info.data.lastBackupAt ? formatDateTime(info.data.lastBackupAt) : t('system.never') },
                {
                  label: t('system.counts'),
                  value: t('system.countsValue', {
                    orders: formatNumber(info.data.counts.orders),
                    products: formatNumber(info.data.counts.products),
                    variants: formatNumber(info.data.counts.variants),
                    warehouses: formatNumber(info.data.counts.warehouses),
                  }),
                },
              ]}
            />
          ) : null}
        </Section>
        {isManager ? <BackupSection onBackedUp={info.reload} /> : null}
        {isManager ? <IntegritySection /> : null}
      </div>
    </div>
  );
}

function LanguageSection() {
  const { t } = useTranslation('settings');
  const locale = useSession((s) => s.session?.locale ?? 'vi');
  const changeLanguage = useSession((s) => s.changeLanguage);
  // Language names stay in their own language so someone who cannot read the current one finds theirs.
  const options = LANGUAGES.map((l) => ({ value: l, label: t(`common:language.${l}`, { lng: l }) }));
  return (
    <Section title={t('language.title')}>
      <RadioGroup label={t('language.label')} value={locale} onChange={(l) => void changeLanguage(l)} options={options} />
    </Section>
  );
}

const stationSchema = sessionContract['session.setStation'].input;

/** The station name appears on labels and in the audit trail ("who, where"). */
function StationSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('settings');
  const current = useSession((s) => s.session?.station ?? '');
  const reload = useSession((s) => s.load);
  const [station, setStation] = useState(current);
  const save = useAction('session.setStation');
  const clientError = useMemo(() => validate(t, stationSchema, { station }).station, [t, station]);
  const error = clientError ?? apiFieldErrors(t, save.error).station;
  const dirty = station.trim() !== current;

  const submit = async () => {
    if (clientError || !dirty || save.pending) return;
    if (await save.run({ station })) {
      toast('success', t('station.saved'));
      await reload();
    }
  };

  return (
    <Section title={t('station.title')}>
      {canEdit ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <TextField label={t('station.label')} hint={t('station.hint')} maxLength={60} value={station} onChange={setStation} error={dirty ? error : undefined} />
          <Button type="submit" variant="primary" disabled={!dirty} busy={save.pending} shortcut="Enter">{t('common:actions.save')}</Button>
        </form>
      ) : (
        <KeyValues items={[{ label: t('station.label'), value: current }]} />
      )}
      <ErrorBanner error={save.error && !apiFieldErrors(t, save.error).station ? save.error : undefined} />
    </Section>
  );
}
