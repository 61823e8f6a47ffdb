import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { TextField } from '../../components/field.js';
import { toast } from '../../state/toast-store.js';
import type { ProductForm } from './use-product-form.js';
import { missingCombinations, parseValues } from './variant-grid.js';

/**
 * "Colours × sizes": one list of values per attribute column; Enter (or the button) adds a variant
 * for every combination not in the table yet. Starts from the values already used, so adding a
 * colour to an existing grid is one word and Enter.
 */
export function VariantGenerator({ form, onDone }: { form: ProductForm; onDone: () => void }) {
  const { t } = useTranslation('catalog');
  const names = form.draft.attributeNames;
  const [texts, setTexts] = useState(() =>
    names.map((_, c) => [...new Set(form.draft.variants.map((v) => (v.values[c] ?? '').trim()).filter(Boolean))].join(', ')),
  );
  const axes = names.map((name, c) => ({ name, values: parseValues(texts[c] ?? '') }));
  const count = missingCombinations(axes, form.draft.variants.map((v) => v.values)).length;

  const run = () => {
    const added = form.generate(axes);
    toast(added ? 'success' : 'info', added ? t('generator.added', { count: added }) : t('generator.nothing'));
    if (added) onDone();
  };

  return (
    <div className="generator" role="group" aria-label={t('generator.label')}>
      {names.map((name, c) => (
        <TextField
          key={c}
          label={t('generator.valuesOf', { name: name || t('variant.attributeN', { n: c + 1 }) })}
          placeholder={t('generator.placeholder')}
          autoFocus={c === 0}
          value={texts[c] ?? ''}
          onChange={(v) => setTexts((all) => all.map((x, i) => (i === c ? v : x)))}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              run();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onDone();
            }
          }}
        />
      ))}
      <Button variant="primary" disabled={count === 0} onClick={run} shortcut="Enter">{t('generator.run', { count })}</Button>
    </div>
  );
}
