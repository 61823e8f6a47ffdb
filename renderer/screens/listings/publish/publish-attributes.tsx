import { useTranslation } from 'react-i18next';
import type { PublishDraft, ShopeeAttribute } from '../../../../main/api/listing-publish.js';
import { CheckboxField, SelectField, TextField } from '../../../components/field.js';

type Choice = PublishDraft['attributes'][number];

/**
 * The category's attributes as Shopee describes them: a list to pick from (DROP_DOWN), a list or own text
 * (COMBO_BOX), several ticks (MULTIPLE_SELECT), free text (TEXT_FILED). Mandatory ones are marked.
 */
export function AttributeFields({ attributes, value, onChange, errorFor }: {
  attributes: readonly ShopeeAttribute[]; value: readonly Choice[]; onChange: (next: Choice[]) => void; errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('publish');
  const byId = new Map(value.map((c) => [c.attributeId, c]));
  const set = (id: string, patch: Partial<Choice>) => {
    const current = byId.get(id) ?? { attributeId: id, valueIds: [], text: '' };
    const next = { ...current, ...patch };
    const rest = value.filter((c) => c.attributeId !== id);
    onChange(next.valueIds.length || next.text.trim() ? [...rest, next] : rest);
  };
  if (attributes.length === 0) return <p className="muted">{t('attributes.none')}</p>;
  const sorted = [...attributes].sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
  return (
    <div className="form-row publish-attributes">
      {sorted.map((a) => {
        const c = byId.get(a.id);
        const error = errorFor(`attribute:${a.id}`);
        const options = [{ value: '', label: t('attributes.choose') }, ...a.values.map((v) => ({ value: v.id, label: v.name }))];
        if (a.inputType === 'MULTIPLE_SELECT') {
          return (
            <fieldset key={a.id} className={`field publish-multi ${error ? 'has-error' : ''}`} aria-invalid={error ? true : undefined}>
              <legend className="field-label">{a.name}{a.mandatory ? <span className="field-required" aria-hidden="true"> *</span> : null}</legend>
              <div className="publish-ticks">
                {a.values.map((v) => (
                  <CheckboxField key={v.id} label={v.name} checked={c?.valueIds.includes(v.id) ?? false}
                    onChange={(on) => set(a.id, { valueIds: on ? [...(c?.valueIds ?? []), v.id] : (c?.valueIds ?? []).filter((x) => x !== v.id) })} />
                ))}
              </div>
              {error ? <div className="field-error" role="alert">{error}</div> : null}
            </fieldset>
          );
        }
        if (a.inputType === 'TEXT_FILED') {
          return <TextField key={a.id} label={a.name} required={a.mandatory} maxLength={300} value={c?.text ?? ''} error={error} onChange={(v) => set(a.id, { text: v, valueIds: [] })} />;
        }
        if (a.inputType === 'COMBO_BOX') {
          return (
            <div key={a.id} className="publish-combo">
              <SelectField label={a.name} required={a.mandatory} value={c?.valueIds[0] ?? ''} options={options} error={error}
                onChange={(v) => set(a.id, { valueIds: v ? [v] : [], text: '' })} />
              <TextField label={t('attributes.ownValue', { name: a.name })} maxLength={300} value={c?.valueIds.length ? '' : c?.text ?? ''}
                onChange={(v) => set(a.id, { text: v, valueIds: [] })} />
            </div>
          );
        }
        return <SelectField key={a.id} label={a.name} required={a.mandatory} value={c?.valueIds[0] ?? ''} options={options} error={error}
          onChange={(v) => set(a.id, { valueIds: v ? [v] : [], text: '' })} />;
      })}
    </div>
  );
}
