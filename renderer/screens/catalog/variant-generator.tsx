import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { MoneyField, NumberField, TextField } from '../../components/field.js';
import { toast } from '../../state/toast-store.js';
import type { VariantDraft } from './product-draft.js';
import type { ProductForm } from './use-product-form.js';
import { missingCombinations, parseValues } from './variant-grid.js';

interface Shared { price: number | null; cost: number | null; weightG: number | null }

/** Only the shared fields the user filled in; empty ones leave the variants' own values alone. */
function filled(shared: Shared): Partial<VariantDraft> {
  return Object.fromEntries(Object.entries(shared).filter(([, v]) => v !== null)) as Partial<VariantDraft>;
}

/**
 * "Colours × sizes": one list of values per attribute column; Enter (or the button) adds a variant
 * for every combination not in the table yet. Starts from the values already used, so adding a
 * colour to an existing grid is one word and Enter. Price, cost and weight typed here go to the new
 * variants, or to all of them with "apply to all" (the usual marketplace workflow).
 */
export function VariantGenerator({ form, onDone }: { form: ProductForm; onDone: () => void }) {
  const { t } = useTranslation('catalog');
  const names = form.draft.attributeNames;
  const [texts, setTexts] = useState(() =>
    names.map((_, c) => [...new Set(form.draft.variants.map((v) => (v.values[c] ?? '').trim()).filter(Boolean))].join(', ')),
  );
  const [shared, setShared] = useState<Shared>({ price: null, cost: null, weightG: null });
  const axes = names.map((name, c) => ({ name, values: parseValues(texts[c] ?? '') }));
  const count = missingCombinations(axes, form.draft.variants.map((v) => v.values)).length;
  const hasShared = Object.values(shared).some((v) => v !== null);

  const run = () => {
    const added = form.generate(axes, filled(shared));
    toast(added ? 'success' : 'info', added ? t('generator.added', { count: added }) : t('generator.nothing'));
    if (added) onDone();
  };
  const applyAll = () => {
    form.applyToAll(filled(shared));
    toast('success', t('generator.applied', { count: form.draft.variants.length }));
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      run();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    }
  };

  return (
    <div className="generator" role="group" aria-label={t('generator.label')}>
      <div className="generator-row">
        {names.map((name, c) => (
          <TextField
            key={c}
            label={t('generator.valuesOf', { name: name || t('variant.attributeN', { n: c + 1 }) })}
            placeholder={t('generator.placeholder')}
            autoFocus={c === 0}
            value={texts[c] ?? ''}
            onChange={(v) => setTexts((all) => all.map((x, i) => (i === c ? v : x)))}
            onKeyDown={keys}
          />
        ))}
      </div>
      <div className="generator-row">
        <MoneyField className="w-money" label={t('generator.sharedPrice')} value={shared.price} onChange={(price) => setShared((s) => ({ ...s, price }))} onKeyDown={keys} />
        <MoneyField className="w-money" label={t('generator.sharedCost')} value={shared.cost} onChange={(cost) => setShared((s) => ({ ...s, cost }))} onKeyDown={keys} />
        <NumberField className="w-num-sm" label={t('generator.sharedWeight')} min={0} max={1_000_000} value={shared.weightG} onChange={(weightG) => setShared((s) => ({ ...s, weightG }))} onKeyDown={keys} />
        <span className="grow" />
        <Button disabled={!hasShared} onClick={applyAll}>{t('generator.applyAll')}</Button>
        <Button variant="primary" disabled={count === 0} onClick={run} shortcut="Enter">{t('generator.run', { count })}</Button>
      </div>
    </div>
  );
}
