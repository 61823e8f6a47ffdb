import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { NumberField, TextField } from '../../components/field.js';
import { SearchPicker } from '../../components/search-picker.js';
import { useAction, useCommand, type Output } from '../../lib/api.js';
import { apiFieldErrors, fieldError } from '../../lib/errors.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';
import { toast } from '../../state/toast-store.js';
import { useDebounced } from './use-debounced.js';

type Pick = Output<'catalog.searchVariants'>[number];
interface Line { variant: Pick; quantity: number | null }

/**
 * Goods arriving at a warehouse, several lines at once. Built for a scanner: a scan lands in the
 * search box, Enter picks the match, and scanning the same item again adds one more.
 */
export function ReceiveDialog({ warehouse, onClose }: { warehouse: { id: number; code: string }; onClose: () => void }) {
  const warehouseId = warehouse.id;
  const { t } = useTranslation('inventory');
  const [search, setSearch] = useState('');
  const query = useDebounced(search.trim(), 150);
  const results = useCommand('catalog.searchVariants', query === '' ? null : { query, warehouseId, limit: 20 });
  const [lines, setLines] = useState<Line[]>([]);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const receive = useAction('inventory.receive');
  const searchRef = useRef<HTMLInputElement>(null);

  // A scanner types the code and Enter faster than the search answers. Remember that Enter and
  // pick the match when it arrives, instead of letting it submit the dialog's form.
  const [pendingEnter, setPendingEnter] = useState<string | null>(null);
  const settled = query === search.trim() && !results.loading;
  useEffect(() => {
    if (pendingEnter === null || !settled || query !== pendingEnter) return;
    setPendingEnter(null);
    const match = exactMatch(results.data ?? [], query);
    if (match) {
      add(match);
      setSearch('');
    }
  }, [pendingEnter, settled, query, results.data]);
  const onSearchKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.nativeEvent.defaultPrevented) return;
    e.preventDefault();
    if (search.trim() !== '') setPendingEnter(search.trim());
  };
  const backToSearch = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      searchRef.current?.focus();
    }
  };

  const add = (variant: Pick) => {
    setLines((ls) => {
      const i = ls.findIndex((l) => l.variant.variantId === variant.variantId);
      if (i < 0) return [...ls, { variant, quantity: 1 }];
      return ls.map((l, j) => (j === i ? { ...l, quantity: (l.quantity ?? 0) + 1 } : l));
    });
  };
  const setQuantity = (i: number, quantity: number | null) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, quantity } : l)));
  const remove = (i: number) => {
    setLines((ls) => ls.filter((_, j) => j !== i));
    searchRef.current?.focus();
  };

  const badQuantity = (q: number | null) => q === null || q < 1 || q > 1_000_000;
  const serverErrors = apiFieldErrors(t, receive.error);
  const lineError = (i: number) => (tried && badQuantity(lines[i].quantity) ? t('receive.quantityInvalid') : fieldError(serverErrors, `lines.${i}`));
  const total = lines.reduce((sum, l) => sum + (l.quantity ?? 0), 0);

  const submit = async () => {
    setTried(true);
    if (lines.length === 0 || lines.some((l) => badQuantity(l.quantity)) || receive.pending) return;
    const done = await receive.run({ warehouseId, reason, lines: lines.map((l) => ({ variantId: l.variant.variantId, quantity: l.quantity! })) });
    if (!done) return;
    toast('success', t('receive.done', { count: lines.length, units: formatNumber(total) }));
    if (done.promotedOrderIds.length) toast('info', t('receive.promoted', { count: done.promotedOrderIds.length }));
    onClose();
  };

  return (
    <Dialog
      open
      size="lg"
      onClose={onClose}
      onSubmit={() => void submit()}
      title={t('receive.title', { code: warehouse.code })}
      footer={
        <>
          <span className="grow muted">{t('receive.summary', { count: lines.length, units: formatNumber(total) })}</span>
          <Button onClick={onClose} shortcut="Esc">{t('common:actions.cancel')}</Button>
          <Button type="submit" variant="primary" busy={receive.pending} shortcut="Ctrl+Enter">{t('receive.submit')}</Button>
        </>
      }
    >
      <div onKeyDown={onSearchKeyDown}>
      <SearchPicker
        label={t('receive.find')}
        placeholder={t('receive.findPlaceholder')}
        inputRef={searchRef}
        query={search}
        onQueryChange={setSearch}
        items={query === search.trim() ? results.data ?? [] : []}
        loading={results.loading || query !== search.trim()}
        itemKey={(v) => v.variantId}
        itemText={(v) => `${v.sku} ${v.productName}`}
        renderItem={(v) => (
          <>
            <span className="mono">{v.sku}</span>
            <span className="grow">{v.productName} <span className="muted">{formatAttributes(v.attributes)}</span></span>
            <span className="num muted">{v.available === null ? '' : t('receive.availableNow', { n: formatNumber(v.available) })}</span>
          </>
        )}
        onPick={add}
        hint={t('receive.findHint')}
        error={tried && lines.length === 0 ? t('receive.noLines') : undefined}
      />
      </div>
      {lines.length === 0 ? <EmptyState title={t('receive.empty')} /> : (
        <div className="table-wrap">
          <table className="table" aria-label={t('receive.linesLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('column.sku')}</th>
                <th scope="col">{t('column.product')}</th>
                <th scope="col" style={{ textAlign: 'right', width: '8rem' }}>{t('receive.quantity')}</th>
                <th scope="col" style={{ width: '5rem' }}><span className="sr-only">{t('common:actions.remove')}</span></th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.variant.variantId}>
                  <td className="mono">{l.variant.sku}</td>
                  <td>{l.variant.productName} <span className="muted">{formatAttributes(l.variant.attributes)}</span></td>
                  <td>
                    <NumberField hideLabel label={t('receive.quantityOf', { sku: l.variant.sku })} min={1} max={1_000_000} value={l.quantity} onChange={(q) => setQuantity(i, q)} onKeyDown={backToSearch} error={lineError(i)} />
                  </td>
                  <td className="right">
                    <Button size="sm" variant="ghost" aria-label={t('receive.removeLine', { sku: l.variant.sku })} onClick={() => remove(i)}>{t('common:actions.remove')}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TextField label={t('receive.reason')} placeholder={t('receive.reasonPlaceholder')} maxLength={300} value={reason} onChange={setReason} />
      <ErrorBanner error={receive.error && Object.keys(serverErrors).length === 0 ? receive.error : undefined} />
    </Dialog>
  );
}

/** The result a scanned code means: the one whose SKU is the code, else the only result. */
function exactMatch(results: readonly Pick[], code: string): Pick | undefined {
  const upper = code.toUpperCase();
  return results.find((r) => r.sku.toUpperCase() === upper) ?? (results.length === 1 ? results[0] : undefined);
}
