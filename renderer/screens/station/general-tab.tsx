import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sessionContract } from '../../../main/api/session.js';
import type { PackingConfig } from '../../../main/api/stations.js';
import { Button } from '../../components/button.js';
import { ErrorBanner } from '../../components/feedback.js';
import { CheckboxField, TextField } from '../../components/field.js';
import { KeyValues, Section } from '../../components/layout.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useAction } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { useSession } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { useWarehouses } from '../warehouses/use-warehouses.js';
import { WarehouseSelect } from '../warehouses/warehouse-select.js';
import type { StationTabProps } from './station-tabs.js';

const PACKING_OPTIONS = ['allowTypedQuantity', 'printPackingSlip', 'autoOpenNext', 'requireWeight', 'sound'] as const satisfies readonly (keyof PackingConfig)[];

export function GeneralTab({ station, canEdit }: StationTabProps) {
  return (
    <div className="station-grid">
      <StationNameSection canEdit={canEdit} />
      <WarehousePackingSection station={station} canEdit={canEdit} />
    </div>
  );
}

const nameSchema = sessionContract['session.setStation'].input;

/**
 * Which station this desk is. Renaming makes the desk another station (its settings are keyed by
 * name), so the name is set through the session, as on the settings screen.
 */
function StationNameSection({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('station');
  const current = useSession((s) => s.session?.station ?? '');
  const reload = useSession((s) => s.load);
  const [name, setName] = useState(current);
  const save = useAction('session.setStation');
  const clientError = useMemo(() => validate(t, nameSchema, { station: name }).station, [t, name]);
  const error = clientError ?? apiFieldErrors(t, save.error).station;
  const dirty = name.trim() !== current;

  const submit = async () => {
    if (clientError || !dirty || save.pending) return;
    if (await save.run({ station: name })) {
      toast('success', t('general.nameSaved'));
      await reload();
    }
  };

  return (
    <section className="section" aria-label={t('general.nameTitle')}>
      <header className="section-header"><h2>{t('general.nameTitle')}</h2></header>
      <div className="section-body">
        {canEdit ? (
          <form className="station-inline-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <TextField label={t('general.name')} hint={t('general.nameHint')} maxLength={60} value={name} onChange={setName} error={dirty ? error : undefined} />
            <Button type="submit" variant="primary" disabled={!dirty} busy={save.pending}>{t('common:actions.save')}</Button>
          </form>
        ) : (
          <KeyValues items={[{ label: t('general.name'), value: current }]} />
        )}
        <ErrorBanner error={save.error && !apiFieldErrors(t, save.error).station ? save.error : undefined} />
      </div>
    </section>
  );
}

function WarehousePackingSection({ station, canEdit }: StationTabProps) {
  const { t } = useTranslation('station');
  const warehouses = useWarehouses().data ?? [];
  const [warehouseId, setWarehouseId] = useState<number | null>(station.warehouseId);
  const [packing, setPacking] = useState<PackingConfig>(station.packing);
  const save = useAction('stations.update');
  const dirty = warehouseId !== station.warehouseId || PACKING_OPTIONS.some((k) => packing[k] !== station.packing[k]);

  const submit = async () => {
    if (!dirty || save.pending) return;
    const saved = await save.run({ warehouseId, packing });
    if (saved) {
      setWarehouseId(saved.warehouseId);
      setPacking(saved.packing);
      toast('success', t('general.saved'));
    }
  };

  useShortcut('Ctrl+Enter', () => void submit(), { allowInInput: true, enabled: canEdit });

  return (
    <Section title={t('general.packingTitle')}>
      <form className="station-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        {canEdit ? (
          <WarehouseSelect label={t('general.warehouse')} warehouses={warehouses.filter((w) => w.active || w.id === warehouseId)} value={warehouseId} onChange={setWarehouseId} allLabel={t('general.warehouseDefault')} />
        ) : (
          <KeyValues items={[{ label: t('general.warehouse'), value: station.warehouseName ?? t('general.warehouseDefault') }]} />
        )}
        <fieldset className="fieldset station-fieldset">
          <legend>{t('general.packingOptions')}</legend>
          {PACKING_OPTIONS.map((key) => (
            <CheckboxField
              key={key}
              label={t(`general.packing.${key}`)}
              checked={packing[key]}
              disabled={!canEdit}
              onChange={(v) => setPacking((p) => ({ ...p, [key]: v }))}
            />
          ))}
        </fieldset>
        <ErrorBanner error={save.error} />
        {canEdit ? (
          <div className="station-actions">
            <Button type="submit" variant="primary" disabled={!dirty} busy={save.pending} shortcut="Ctrl+Enter">{t('common:actions.save')}</Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}
