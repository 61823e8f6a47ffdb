import { useTranslation } from 'react-i18next';
import type { PublishDraft, PublishForm } from '../../../../main/api/listing-publish.js';
import type { TierPlan } from '../../../../main/domain/listings/publish/publish-rules.js';
import { CheckboxField, MoneyField } from '../../../components/field.js';
import { formatNumber } from '../../../lib/format.js';

/**
 * Variants → Shopee's variations: the tiers the plan made (e.g. Màu × Size) and one row per model with
 * its SKU, Shopee price (editable) and the stock the channel's push policy will show.
 */
export function ModelsGrid({ variants, plan, draft, modelIds, onModels, errorFor, locked }: {
  variants: PublishForm['product']['variants']; plan: TierPlan; draft: PublishDraft; modelIds: Map<number, string | null>;
  onModels: (next: PublishDraft['models']) => void; errorFor: (field: string) => string | undefined; locked: boolean;
}) {
  const { t } = useTranslation('publish');
  const price = new Map(draft.models.map((m) => [m.variantId, m.price]));
  const planned = new Map(plan.models.map((m) => [m.variantId, m]));
  const setPrice = (variantId: number, p: number) => onModels(draft.models.map((m) => (m.variantId === variantId ? { ...m, price: p } : m)));
  const toggle = (variantId: number, on: boolean, base: number) =>
    onModels(on ? variants.filter((v) => v.variantId === variantId || price.has(v.variantId)).map((v) => ({ variantId: v.variantId, price: price.get(v.variantId) ?? base })) : draft.models.filter((m) => m.variantId !== variantId));
  const general = [errorFor('tier_variation'), errorFor('model'), errorFor('original_price'), errorFor('seller_stock')].filter(Boolean);
  return (
    <div className="form">
      <p className="publish-tiers">
        {plan.tiers.length === 0 ? t('models.single') : plan.tiers.map((tier) => (
          <span key={tier.name} className="publish-tier"><strong>{tier.name}</strong>: {tier.options.join(', ')}</span>
        ))}
        {plan.shape === 'combined' ? <span className="muted"> — {t('models.combined')}</span> : null}
      </p>
      {general.map((g) => <p key={g} className="field-error" role="alert">{g}</p>)}
      <div className="table-scroll">
        <table className="data-table publish-models">
          <caption className="sr-only">{t('models.title')}</caption>
          <thead>
            <tr>
              <th>{t('models.include')}</th><th>{t('models.sku')}</th><th>{t('models.options')}</th>
              <th className="num">{t('models.price')}</th><th className="num">{t('models.stock')}</th><th>{t('models.modelId')}</th>
            </tr>
          </thead>
          <tbody>
            {variants.filter((v) => v.active).map((v) => {
              const m = planned.get(v.variantId);
              const error = errorFor(`model:${v.variantId}`);
              return (
                <tr key={v.variantId} className={m ? undefined : 'row-muted'}>
                  <td><CheckboxField label={t('models.includeNamed', { sku: v.sku })} className="sr-label" checked={!!m} disabled={locked} onChange={(on) => toggle(v.variantId, on, v.price)} /></td>
                  <td className="mono">{v.sku}</td>
                  <td>{m ? (m.options.join(' · ') || '—') : v.attributes.map((a) => a.value).join(' · ')}</td>
                  <td className="num">
                    {m ? <MoneyField label={t('models.priceNamed', { sku: v.sku })} hideLabel value={price.get(v.variantId) ?? null} error={error}
                      onChange={(p) => setPrice(v.variantId, p ?? 0)} /> : '—'}
                  </td>
                  <td className="num">{m ? formatNumber(m.stock) : '—'}</td>
                  <td className="mono muted">{modelIds.get(v.variantId) ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t('models.stockHint')}</p>
    </div>
  );
}
