import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Section } from '../../components/layout.js';
import { MAX_ATTRIBUTES } from './product-draft.js';
import { VariantGenerator } from './variant-generator.js';
import { VariantRow } from './variant-row.js';
import type { ProductErrors } from './use-product-errors.js';
import type { ProductForm } from './use-product-form.js';

/** Common attribute names, offered while typing a column name. */
const ATTRIBUTE_SUGGESTIONS = ['colour', 'size', 'material', 'capacity', 'style'] as const;

/**
 * The variants table. Attribute names are columns shared by every variant (colour, size, …), typed
 * once in the header; the generator fills in a grid of combinations.
 */
export function VariantsSection({ form, errors }: { form: ProductForm; errors: ProductErrors }) {
  const { t } = useTranslation('catalog');
  const { draft } = form;
  const [generating, setGenerating] = useState(false);
  const names = draft.attributeNames;
  // Only an error about the list itself (none, or too many); errors inside rows show in the rows.
  const error = errors.clientErrors.variants;
  // A new attribute column starts with its name box focused, so "add attribute" → type the name.
  const head = useRef<HTMLTableRowElement>(null);
  const columns = useRef(names.length);
  useEffect(() => {
    if (names.length > columns.current) head.current?.querySelectorAll<HTMLInputElement>('.attr-name')[names.length - 1]?.focus();
    columns.current = names.length;
  }, [names.length]);

  return (
    <Section
      title={t('variant.title', { count: draft.variants.length })}
      className="variants-section"
      actions={
        <>
          <Button size="sm" disabled={names.length >= MAX_ATTRIBUTES} onClick={form.addAttribute}>{t('variant.addAttribute')}</Button>
          <Button size="sm" aria-expanded={generating} disabled={names.length === 0} title={names.length === 0 ? t('generator.needAttribute') : undefined} onClick={() => setGenerating((g) => !g)}>
            {t('generator.open')}
          </Button>
          <Button size="sm" onClick={form.addVariant}>{t('variant.add')}</Button>
        </>
      }
    >
      {generating && names.length > 0 ? <VariantGenerator form={form} onDone={() => setGenerating(false)} /> : null}
      {error ? <div className="field-error section-error" role="alert">{error}</div> : null}
      <div className="variant-table-wrap">
        <table className="table variant-table" aria-label={t('variant.tableLabel')}>
          <thead>
            <tr ref={head}>
              <th scope="col" className="vt-index">#</th>
              {names.map((name, c) => (
                <th key={c} scope="col" className="vt-attr">
                  <span className="attr-head">
                    <input
                      className="input attr-name"
                      aria-label={t('variant.attributeName', { n: c + 1 })}
                      aria-invalid={errors.errorFor(`attributeNames.${c}`) ? true : undefined}
                      title={errors.errorFor(`attributeNames.${c}`)}
                      placeholder={t(`variant.attributeExample${c + 1}`)}
                      list="attribute-names"
                      maxLength={40}
                      value={name}
                      onChange={(e) => {
                        form.setAttributeName(c, e.target.value);
                        errors.touch(`attributeNames.${c}`);
                      }}
                    />
                    <button type="button" className="chip-x" aria-label={t('variant.removeAttribute', { name: name || c + 1 })} onClick={() => form.removeAttribute(c)}>×</button>
                  </span>
                </th>
              ))}
              <th scope="col" className="vt-sku">{t('variant.sku')}</th>
              <th scope="col" className="vt-barcodes">{t('variant.barcodes')}</th>
              <th scope="col" className="vt-money right">{t('variant.price')}</th>
              <th scope="col" className="vt-money right">{t('variant.cost')}</th>
              <th scope="col" className="vt-vat">{t('variant.vat')}</th>
              <th scope="col" className="vt-margin right" title={t('variant.marginHint')}>{t('variant.margin')}</th>
              <th scope="col" className="vt-num right">{t('variant.weight')}</th>
              <th scope="col" className="vt-dims">{t('variant.dims')}</th>
              <th scope="col" className="vt-actions"><span className="sr-only">{t('variant.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {draft.variants.map((v, i) => (
              <VariantRow
                key={v.key}
                index={i}
                variant={v}
                names={names}
                productSku={draft.sku}
                form={form}
                errors={errors}
                removable={v.id === undefined}
                lastRow={draft.variants.length === 1}
              />
            ))}
          </tbody>
        </table>
      </div>
      {names.some((n, c) => errors.errorFor(`attributeNames.${c}`)) ? (
        <div className="field-error" role="alert">{names.map((_, c) => errors.errorFor(`attributeNames.${c}`)).find(Boolean)}</div>
      ) : null}
      <datalist id="attribute-names">
        {ATTRIBUTE_SUGGESTIONS.map((k) => <option key={k} value={t(`attributeSuggestion.${k}`)} />)}
      </datalist>
    </Section>
  );
}
