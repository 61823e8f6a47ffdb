import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { CheckboxField, TextAreaField, TextField } from '../../components/field.js';
import { Section } from '../../components/layout.js';
import { useCommand } from '../../lib/api.js';
import type { ProductDraft } from './product-draft.js';
import type { ProductErrors } from './use-product-errors.js';
import type { ProductForm } from './use-product-form.js';

/** Name, SKU, category (suggested from the catalogue), brand, description and the active switch. */
export function ProductDetailsSection({ form, errors }: { form: ProductForm; errors: ProductErrors }) {
  const { t } = useTranslation('catalog');
  const categoriesId = useId();
  const categories = useCommand('catalog.categories', {});
  const { draft } = form;
  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => {
    form.setField(key, value);
    errors.touch(key);
  };

  return (
    <Section title={t('form.details')}>
      <div className="form">
        <TextField label={t('field.name')} required autoFocus={draft.id === undefined} maxLength={200} value={draft.name} onChange={(v) => set('name', v)} error={errors.errorFor('name')} />
        <div className="form-row">
          <TextField label={t('field.sku')} required className="mono-input" maxLength={64} hint={t('hint.sku')} value={draft.sku} onChange={(v) => set('sku', v.toUpperCase())} error={errors.errorFor('sku')} />
          <TextField label={t('field.category')} list={categoriesId} maxLength={100} value={draft.category} onChange={(v) => set('category', v)} error={errors.errorFor('category')} />
        </div>
        <datalist id={categoriesId}>
          {(categories.data ?? []).map((c) => <option key={c} value={c} />)}
        </datalist>
        <div className="form-row">
          <TextField label={t('field.brand')} maxLength={100} value={draft.brand} onChange={(v) => set('brand', v)} error={errors.errorFor('brand')} />
          {draft.id !== undefined ? (
            <CheckboxField className="align-end" label={t('field.active')} hint={t('hint.active')} checked={draft.active} onChange={(v) => set('active', v)} />
          ) : <span />}
        </div>
        <TextAreaField label={t('field.description')} rows={4} maxLength={5000} value={draft.description} onChange={(v) => set('description', v)} error={errors.errorFor('description')} />
      </div>
    </Section>
  );
}

/** Specifications as key → value rows ("Chất liệu → Cotton 100%"). */
export function SpecsSection({ form, errors }: { form: ProductForm; errors: ProductErrors }) {
  const { t } = useTranslation('catalog');
  const specs = form.draft.specs;
  const update = (i: number, patch: Partial<{ key: string; value: string }>, field: string) => {
    form.setField('specs', specs.map((s, j) => (j === i ? { ...s, ...patch } : s)));
    errors.touch(`specs.${i}.${field}`);
  };
  return (
    <Section title={t('form.specs')} actions={<Button size="sm" onClick={() => form.setField('specs', [...specs, { key: '', value: '' }])}>{t('spec.add')}</Button>}>
      {specs.length === 0 ? <p className="muted">{t('spec.empty')}</p> : null}
      <div className="spec-rows">
        {specs.map((s, i) => (
          <div key={i} className="spec-row">
            <TextField hideLabel label={t('spec.keyOf', { n: i + 1 })} placeholder={t('spec.key')} maxLength={80} autoFocus={s.key === '' && s.value === '' && i === specs.length - 1} value={s.key} onChange={(key) => update(i, { key }, 'key')} error={errors.errorFor(`specs.${i}.key`)} />
            <TextField hideLabel label={t('spec.valueOf', { n: i + 1 })} placeholder={t('spec.value')} maxLength={300} value={s.value} onChange={(value) => update(i, { value }, 'value')} error={errors.errorFor(`specs.${i}.value`)} />
            <Button size="sm" variant="ghost" aria-label={t('spec.remove', { n: i + 1 })} onClick={() => form.setField('specs', specs.filter((_, j) => j !== i))}>×</Button>
          </div>
        ))}
      </div>
    </Section>
  );
}
