import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariantPick } from '../../../main/api/catalog.js';
import { Button } from '../../components/button.js';
import { MoneyField, NumberField } from '../../components/field.js';
import { Money } from '../../components/feedback.js';
import { SearchPicker } from '../../components/search-picker.js';
import { Tag } from '../../components/status-badge.js';
import { useCommand } from '../../lib/api.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { addVariant, linePrice, overStock, type DraftLine } from './order-draft.js';

export interface OrderLinesEditorProps {
  lines: DraftLine[];
  warehouseId: number | null;
  onChange: (lines: DraftLine[]) => void;
  errorFor: (path: string) => string | undefined;
  touch: (path: string) => void;
}

/**
 * Search a variant, Enter adds it and puts the cursor in its quantity; Enter in a quantity goes
 * back to the search box, so a whole order is typed without leaving the keyboard.
 */
export function OrderLinesEditor({ lines, warehouseId, onChange, errorFor, touch }: OrderLinesEditorProps) {
  const { t } = useTranslation('orders');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim());
  const results = useCommand('catalog.searchVariants', q ? { query: q, limit: 15, ...(warehouseId ? { warehouseId } : {}) } : null);
  const search = useRef<HTMLInputElement>(null);
  const [focusQty, setFocusQty] = useState<number | null>(null);

  useEffect(() => {
    if (focusQty === null) return;
    const el = document.querySelector<HTMLInputElement>(`[data-line-qty="${focusQty}"]`);
    el?.focus();
    el?.select();
    setFocusQty(null);
  }, [focusQty, lines]);

  const pick = (v: VariantPick) => {
    onChange(addVariant(lines, v));
    touch('lines');
    setFocusQty(v.variantId);
  };
  const update = (i: number, patch: Partial<DraftLine>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <div className="lines-editor">
      <SearchPicker
        label={t('form.findVariant')}
        placeholder={t('form.findVariantPlaceholder')}
        inputRef={search}
        query={query}
        onQueryChange={setQuery}
        items={q ? (results.data ?? []) : []}
        loading={results.loading}
        itemKey={(v) => v.variantId}
        itemText={(v) => `${v.sku} ${v.productName} ${formatAttributes(v.attributes)}`}
        disabled={(v) => !v.active}
        renderItem={(v) => (
          <>
            <span className="mono picker-sku">{v.sku}</span>
            <span className="grow">
              {v.productName}
              {v.attributes.length ? <span className="muted"> · {formatAttributes(v.attributes)}</span> : null}
            </span>
            <Money value={v.price} />
            <span className={`picker-stock num ${v.available !== null && v.available <= 0 ? 'text-danger' : 'muted'}`}>
              {v.available === null ? '' : t('form.available', { count: v.available })}
            </span>
          </>
        )}
        onPick={pick}
        error={errorFor('lines')}
      />
      {lines.length === 0 ? (
        <p className="muted lines-empty">{t('form.noLines')}</p>
      ) : (
        <table className="table lines-table" aria-label={t('form.lines')}>
          <thead>
            <tr>
              <th>{t('detail.col.sku')}</th>
              <th>{t('detail.col.product')}</th>
              <th className="right">{t('detail.col.available')}</th>
              <th className="right">{t('detail.col.quantity')}</th>
              <th className="right">{t('detail.col.unitPrice')}</th>
              <th className="right">{t('detail.col.lineTotal')}</th>
              <th aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={l.variantId}>
                <td className="mono">{l.sku}</td>
                <td>
                  <div>{l.name}</div>
                  {l.attributes.length ? <div className="muted small">{formatAttributes(l.attributes)}</div> : null}
                </td>
                <td className="right num">
                  {l.available === null ? '—' : formatNumber(l.available)}
                  {overStock(l) > 0 ? <> <Tag tone="warn">{t('form.short', { count: overStock(l) })}</Tag></> : null}
                </td>
                <td className="cell-input qty">
                  <NumberField
                    label={t('form.quantityOf', { sku: l.sku })}
                    hideLabel
                    min={1}
                    value={l.quantity}
                    data-line-qty={l.variantId}
                    onChange={(v) => { update(i, { quantity: v }); touch(`lines.${i}.quantity`); }}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && !e.ctrlKey) {
                        e.preventDefault();
                        search.current?.focus();
                      }
                    }}
                    error={errorFor(`lines.${i}.quantity`)}
                  />
                </td>
                <td className="cell-input price">
                  <MoneyField
                    label={t('form.priceOf', { sku: l.sku })}
                    hideLabel
                    value={l.unitPrice}
                    placeholder={formatNumber(l.listPrice)}
                    onChange={(v) => { update(i, { unitPrice: v }); touch(`lines.${i}.unitPrice`); }}
                    error={errorFor(`lines.${i}.unitPrice`)}
                  />
                </td>
                <td className="right"><Money value={(l.quantity ?? 0) * linePrice(l)} /></td>
                <td className="right">
                  <Button size="sm" variant="ghost" aria-label={t('form.removeLine', { sku: l.sku })} onClick={() => onChange(lines.filter((_, j) => j !== i))}>✕</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
