import { useTranslation } from 'react-i18next';
import type { Product } from '../../../main/api/catalog.js';
import { NumberField, TextField } from '../../components/field.js';
import { Section } from '../../components/layout.js';
import { useCommand } from '../../lib/api.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import type { Warehouse } from '../warehouses/use-warehouses.js';
import type { VariantDraft } from './product-draft.js';
import type { ProductErrors } from './use-product-errors.js';
import type { ProductForm } from './use-product-form.js';

const variantName = (v: VariantDraft, n: number) => v.sku || v.values.filter(Boolean).join(' / ') || `#${n}`;

/** New products only: opening stock per variant and warehouse, with an optional bin. */
export function InitialStockSection({ form, errors, warehouses }: { form: ProductForm; errors: ProductErrors; warehouses: readonly Warehouse[] }) {
  const { t } = useTranslation('catalog');
  const active = warehouses.filter((w) => w.active);
  if (active.length === 0) return null;
  return (
    <Section title={t('stock.initialTitle')}>
      <p className="muted section-lead">{t('stock.initialHint')}</p>
      <div className="table-wrap">
        <table className="table stock-table" aria-label={t('stock.initialTitle')}>
          <thead>
            <tr>
              <th scope="col">{t('stock.variant')}</th>
              {active.map((w) => <th key={w.id} scope="colgroup" colSpan={2}>{w.code} · {w.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {form.draft.variants.map((v, i) => {
              const name = variantName(v, i + 1);
              return (
                <tr key={v.key}>
                  <td><span className="mono">{name}</span></td>
                  {active.map((w) => {
                    const cell = v.initialStock[w.id] ?? { quantity: null, binCode: '' };
                    const error = errors.errorFor(`variants.${i}.initialStock`);
                    return [
                      <td key={`${w.id}-q`} className="stock-qty">
                        <NumberField hideLabel label={t('stock.quantityOf', { warehouse: w.code, n: i + 1 })} placeholder="0" min={0} max={1_000_000} value={cell.quantity} onChange={(quantity) => form.setStock(i, w.id, { ...cell, quantity })} error={error} />
                      </td>,
                      <td key={`${w.id}-b`} className="stock-bin">
                        <BinInput warehouseId={w.id} label={t('stock.binOf', { warehouse: w.code, n: i + 1 })} value={cell.binCode} onChange={(binCode) => form.setStock(i, w.id, { ...cell, binCode })} />
                      </td>,
                    ];
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {active.map((w) => <BinList key={w.id} warehouseId={w.id} />)}
    </Section>
  );
}

const binListId = (warehouseId: number) => `initial-bins-${warehouseId}`;

function BinInput({ warehouseId, label, value, onChange }: { warehouseId: number; label: string; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('catalog');
  return <TextField hideLabel label={label} placeholder={t('stock.binPlaceholder')} list={binListId(warehouseId)} maxLength={30} className="mono-input" value={value} onChange={(v) => onChange(v.toUpperCase())} />;
}

/** The warehouse's known bins as suggestions; rendered once per warehouse, shared by every row. */
function BinList({ warehouseId }: { warehouseId: number }) {
  const bins = useCommand('warehouses.bins', { warehouseId });
  return <datalist id={binListId(warehouseId)}>{(bins.data ?? []).map((b) => <option key={b.code} value={b.code} />)}</datalist>;
}

/** Saved products: what each variant has in each warehouse, live (it follows stock events). */
export function ProductStockSection({ product, warehouses }: { product: Product; warehouses: readonly Warehouse[] }) {
  const { t } = useTranslation('catalog');
  const shown = warehouses.filter((w) => w.active || product.variants.some((v) => v.stock.some((s) => s.warehouseId === w.id && s.onHand !== 0)));
  return (
    <Section title={t('stock.title')} actions={<a className="btn btn-sm btn-ghost" href={href('/stock')}>{t('stock.openStock')}</a>}>
      <div className="table-wrap">
        <table className="table stock-table" aria-label={t('stock.title')}>
          <thead>
            <tr>
              <th scope="col">{t('variant.sku')}</th>
              <th scope="col">{t('stock.attributes')}</th>
              {shown.map((w) => <th key={w.id} scope="col" className="right">{w.code}</th>)}
              <th scope="col" className="right">{t('stock.total')}</th>
            </tr>
          </thead>
          <tbody>
            {product.variants.map((v) => {
              const total = v.stock.reduce((sum, s) => ({ onHand: sum.onHand + s.onHand, available: sum.available + s.available }), { onHand: 0, available: 0 });
              return (
                <tr key={v.id} className={v.active ? undefined : 'is-retired'}>
                  <td><a className="mono" href={href(`/movements?variant=${v.id}&sku=${encodeURIComponent(v.sku)}`)} title={t('stock.history')}>{v.sku}</a></td>
                  <td className="muted">{formatAttributes(v.attributes) || '—'}</td>
                  {shown.map((w) => {
                    const s = v.stock.find((x) => x.warehouseId === w.id);
                    return (
                      <td key={w.id} className="right">
                        {s ? <StockFigures available={s.available} onHand={s.onHand} bin={s.binCode} /> : <span className="faint">—</span>}
                      </td>
                    );
                  })}
                  <td className="right"><StockFigures available={total.available} onHand={total.onHand} bin={null} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="field-hint">{t('stock.legend')}</p>
    </Section>
  );
}

function StockFigures({ available, onHand, bin }: { available: number; onHand: number; bin: string | null }) {
  return (
    <span className="stock-figures">
      <span className={`num ${available <= 0 ? 'cell-low' : 'strong'}`}>{formatNumber(available)}</span>
      <span className="num muted"> / {formatNumber(onHand)}</span>
      {bin ? <span className="mono muted stock-bin-code">{bin}</span> : null}
    </span>
  );
}
