import { useTranslation } from 'react-i18next';
import { VAT_RATES } from '../../../main/api/common.js';
import { Button } from '../../components/button.js';
import { MoneyField, NumberField, SelectField, TextField } from '../../components/field.js';
import { formatVnd } from '../../lib/format.js';
import { BarcodeListInput } from './barcode-list-input.js';
import { computeMargin, formatPercent, marginTone } from './margin.js';
import type { VariantDraft } from './product-draft.js';
import type { ProductErrors } from './use-product-errors.js';
import type { ProductForm } from './use-product-form.js';
import { variantSku } from './variant-grid.js';

export interface VariantRowProps {
  index: number;
  variant: VariantDraft;
  names: readonly string[];
  productSku: string;
  form: ProductForm;
  errors: ProductErrors;
  /** New rows can be removed; saved ones are retired with "active" instead (orders point at them). */
  removable: boolean;
  /** The last remaining row cannot go: a product has at least one variant. */
  lastRow: boolean;
}

/** One variant as a table row of compact fields, with its margin worked out as prices are typed. */
export function VariantRow({ index, variant: v, names, productSku, form, errors, removable, lastRow }: VariantRowProps) {
  const { t } = useTranslation('catalog');
  const n = index + 1;
  const of = (field: string) => t('variant.fieldOf', { field, n });
  const path = (field: string) => `variants.${index}.${field}`;
  const set = (patch: Partial<VariantDraft>, field: string) => {
    form.setVariant(index, patch);
    errors.touch(path(field));
  };
  const margin = v.price === null ? null : computeMargin(v.price, v.cost ?? 0, v.vatRate);
  const vatOptions = VAT_RATES.map((r) => ({ value: r, label: t(`vat.${r}`) }));
  const rowError = errors.errorFor(path('values')) ?? errors.errorFor(path('attributes'));

  return (
    <tr className={v.active ? undefined : 'is-retired'}>
      <td className="num muted vt-index">{n}</td>
      {names.map((name, c) => (
        <td key={c} className="vt-attr">
          <TextField
            hideLabel
            label={of(name || t('variant.attributeN', { n: c + 1 }))}
            maxLength={60}
            value={v.values[c] ?? ''}
            onChange={(value) => {
              form.setValue(index, c, value);
              errors.touch(path('values'));
            }}
            error={c === 0 ? rowError : undefined}
          />
        </td>
      ))}
      <td className="vt-sku">
        <TextField
          hideLabel
          label={of(t('variant.sku'))}
          className="mono-input"
          maxLength={64}
          placeholder={productSku.trim() ? variantSku(productSku, v.values) : undefined}
          value={v.sku}
          onChange={(sku) => set({ sku: sku.toUpperCase() }, 'sku')}
          error={errors.errorFor(path('sku'))}
        />
      </td>
      <td className="vt-barcodes">
        <BarcodeListInput
          label={of(t('variant.barcodes'))}
          value={v.barcodes}
          onChange={(barcodes) => set({ barcodes }, 'barcodes')}
          error={errors.errorFor(path('barcodes'))}
        />
      </td>
      <td className="vt-money">
        <MoneyField hideLabel label={of(t('variant.price'))} value={v.price} onChange={(price) => set({ price }, 'price')} error={errors.errorFor(path('price'))} />
      </td>
      <td className="vt-money">
        <MoneyField hideLabel label={of(t('variant.cost'))} value={v.cost} onChange={(cost) => set({ cost }, 'cost')} error={errors.errorFor(path('cost'))} />
      </td>
      <td className="vt-vat">
        <SelectField hideLabel label={of(t('variant.vat'))} value={v.vatRate} onChange={(vatRate) => set({ vatRate }, 'vatRate')} options={vatOptions} />
      </td>
      <td className="vt-margin right" aria-label={of(t('variant.margin'))}>
        {margin ? (
          <span className={`margin margin-${marginTone(margin)}`}>
            <span className="money">{formatVnd(margin.amount)}</span>
            <span className="num">{margin.percent === null ? '—' : formatPercent(margin.percent)}</span>
          </span>
        ) : <span className="faint">—</span>}
      </td>
      <td className="vt-num">
        <NumberField hideLabel label={of(t('variant.weight'))} min={0} max={1_000_000} value={v.weightG} onChange={(weightG) => set({ weightG }, 'weightG')} error={errors.errorFor(path('weightG'))} />
      </td>
      <td className="vt-dims">
        <span className="dims">
          <NumberField hideLabel label={of(t('variant.length'))} min={0} max={1000} value={v.lengthCm} onChange={(lengthCm) => set({ lengthCm }, 'lengthCm')} error={errors.errorFor(path('lengthCm'))} />
          <span aria-hidden="true">×</span>
          <NumberField hideLabel label={of(t('variant.width'))} min={0} max={1000} value={v.widthCm} onChange={(widthCm) => set({ widthCm }, 'widthCm')} error={errors.errorFor(path('widthCm'))} />
          <span aria-hidden="true">×</span>
          <NumberField hideLabel label={of(t('variant.height'))} min={0} max={1000} value={v.heightCm} onChange={(heightCm) => set({ heightCm }, 'heightCm')} error={errors.errorFor(path('heightCm'))} />
        </span>
      </td>
      <td className="vt-actions">
        {removable ? (
          <Button size="sm" variant="ghost" disabled={lastRow} aria-label={t('variant.remove', { n })} onClick={() => form.removeVariant(index)}>×</Button>
        ) : (
          // The kit's CheckboxField names itself by its visible label; every row needs its own name.
          <label className="checkbox" title={t('variant.activeHint')}>
            <input type="checkbox" aria-label={of(t('variant.active'))} checked={v.active} onChange={(e) => set({ active: e.target.checked }, 'active')} />
            <span aria-hidden="true">{t('variant.activeShort')}</span>
          </label>
        )}
      </td>
    </tr>
  );
}
