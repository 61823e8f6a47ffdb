import { useTranslation } from 'react-i18next';
import type { PublishDraft, ShopeeChannel } from '../../../../main/api/listing-publish.js';
import { Button } from '../../../components/button.js';
import { CheckboxField, NumberField } from '../../../components/field.js';
import { formatNumber } from '../../../lib/format.js';

type Size = Pick<PublishDraft, 'weightG' | 'lengthCm' | 'widthCm' | 'heightCm'>;

/** Weight and package size (from the product, editable), and the shop's logistics channels with their limits. */
export function ShippingFields({ draft, channels, onSize, onChannels, errorFor, refreshing, onRefresh }: {
  draft: PublishDraft; channels: readonly ShopeeChannel[] | undefined; onSize: (patch: Partial<Size>) => void; onChannels: (ids: string[]) => void;
  errorFor: (field: string) => string | undefined; refreshing: boolean; onRefresh: () => void;
}) {
  const { t } = useTranslation('publish');
  const num = (v: number | null) => Math.max(0, v ?? 0);
  const usable = (channels ?? []).filter((c) => c.enabled);
  const off = (channels ?? []).filter((c) => !c.enabled);
  const limit = (c: ShopeeChannel) => [
    c.maxKg !== null ? t('shipping.upToKg', { kg: formatNumber(c.maxKg) }) : null,
    c.maxLengthCm !== null ? t('shipping.box', { l: c.maxLengthCm, w: c.maxWidthCm ?? '—', h: c.maxHeightCm ?? '—' }) : null,
    c.codEnabled ? t('shipping.cod') : null,
  ].filter(Boolean).join(' · ');
  const logisticsError = errorFor('logistic_info');
  return (
    <div className="form">
      <div className="form-row form-row-4">
        <NumberField label={t('shipping.weight')} required value={draft.weightG || null} onChange={(v) => onSize({ weightG: num(v) })} error={errorFor('weight')} min={0} />
        <NumberField label={t('shipping.length')} value={draft.lengthCm || null} onChange={(v) => onSize({ lengthCm: num(v) })} error={errorFor('dimension')} min={0} />
        <NumberField label={t('shipping.width')} value={draft.widthCm || null} onChange={(v) => onSize({ widthCm: num(v) })} min={0} />
        <NumberField label={t('shipping.height')} value={draft.heightCm || null} onChange={(v) => onSize({ heightCm: num(v) })} min={0} />
      </div>
      <fieldset className={`field ${logisticsError ? 'has-error' : ''}`}>
        <legend className="field-label">{t('shipping.channels')}<span className="field-required" aria-hidden="true"> *</span></legend>
        {!channels ? <p className="muted">{t('shipping.loading')}</p> : null}
        <div className="publish-channels">
          {usable.map((c) => (
            <CheckboxField key={c.id} label={c.name} hint={limit(c)} checked={draft.logisticsIds.includes(c.id)}
              onChange={(on) => onChannels(on ? [...draft.logisticsIds, c.id] : draft.logisticsIds.filter((x) => x !== c.id))} />
          ))}
        </div>
        {off.length ? <div className="field-hint">{t('shipping.disabled', { names: off.map((c) => c.name).join(', ') })}</div> : null}
        {logisticsError ? <div className="field-error" role="alert">{logisticsError}</div> : null}
        <Button size="sm" variant="ghost" busy={refreshing} onClick={onRefresh}>{t('shipping.refresh')}</Button>
      </fieldset>
    </div>
  );
}
