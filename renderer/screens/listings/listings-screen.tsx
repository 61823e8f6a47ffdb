import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Listing, PullProposal, PushLogEntry } from '../../../main/api/listings.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { CheckboxField, NumberField, SelectField, TextField } from '../../components/field.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { FilterTabs } from '../../components/filter-tabs.js';
import { PageHeader, Section, Toolbar } from '../../components/layout.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatDateTime, formatNumber, formatVnd } from '../../lib/format.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { useLocation } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { PriceActions, PriceCell, PricePushLog, PushPriceButton } from './listing-prices.js';

// Listings of a Shopee shop (issue 5 §3 pull side, §4): linked or not, our available stock against what
// Shopee shows, last push and drift; "Retirar" (pull) with its preview, the push policy, the push log.

type Filter = 'all' | 'linked' | 'unlinked' | 'drift' | 'failed';

const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));

function ListingRow({ l, accountId }: { l: Listing; accountId: number }) {
  const { t } = useTranslation('listings');
  const push = useAction('listings.pushNow');
  const drift = l.driftShopeeStock !== null;
  return (
    <tr className={drift ? 'row-warning' : undefined}>
      <td><span className="mono">{l.sku || '—'}</span><div className="muted">{l.name}{l.modelName ? ` · ${l.modelName}` : ''}</div><div className="muted mono">{l.itemId} / {l.modelId}</div></td>
      <td>{l.variantSku ? <span className="mono">{l.variantSku}</span> : <span className="muted">{t('list.unlinked')}</span>}</td>
      <td className="num">{n(l.available)}</td>
      <td className="num">{n(l.wouldPush)}{l.raisedToReserved ? <div className="muted" title={t('list.raisedHint')}>{t('list.raised')}</div> : null}</td>
      <td className="num">{n(l.lastPushedQty)}<div className="muted">{l.lastPushedAt ? formatDateTime(l.lastPushedAt) : t('list.never')}</div>{l.lastPushError ? <div className="error-text">{l.lastPushError}</div> : null}</td>
      <td className="num">{n(l.shopeeStock)}{l.shopeeReserved ? <div className="muted">{t('list.reserved', { count: l.shopeeReserved })}</div> : null}</td>
      <PriceCell l={l} />
      <td>{drift ? <span className="badge badge-warning">{t('list.drift', { stock: l.driftShopeeStock })}</span> : l.pushQueued ? <span className="badge">{t('list.queued')}</span> : <span className="muted">{t('list.inStep')}</span>}</td>
      <td>
        <Button size="sm" disabled={l.variantId === null} busy={push.pending} aria-label={t('list.pushItemLabel', { sku: l.sku || l.itemId })}
          onClick={() => void push.run({ accountId, itemIds: [l.itemId] }).then((r) => r && toast('success', t('toast.queued', { count: r.queued })))}>
          {t('list.pushNow')}
        </Button>
        <PushPriceButton l={l} accountId={accountId} />
        {push.error ? <ErrorBanner error={push.error} /> : null}
      </td>
    </tr>
  );
}

function PullDialog({ accountId, open, onClose }: { accountId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('listings');
  const preview = useAction('listings.pullPreview');
  const apply = useAction('listings.pullApply');
  const warehouses = useCommand('warehouses.list', open ? {} : null);
  const [choices, setChoices] = useState<Record<number, 'link' | 'create' | 'skip'>>({});
  const [stockFrom, setStockFrom] = useState(false);
  const [warehouseId, setWarehouseId] = useState('');
  const [data, setData] = useState<Awaited<ReturnType<typeof preview.run>>>();
  useEffect(() => {
    if (!open) return;
    setChoices({});
    setData(undefined);
    void preview.run({ accountId }).then(setData);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, accountId]);
  const rows = data?.proposals ?? [];
  const choiceOf = (p: PullProposal) => choices[p.listingId] ?? (p.action === 'linked' ? 'skip' : p.action);
  const submit = async () => {
    const list = rows.filter((p) => p.action !== 'linked').map((p) => ({ listingId: p.listingId, action: choiceOf(p) }));
    const r = await apply.run({ accountId, choices: list, ...(stockFrom && warehouseId ? { stockWarehouseId: Number(warehouseId) } : {}) });
    if (r) {
      toast('success', t('pull.done', { linked: r.linked, created: r.created, skipped: r.skipped }));
      onClose();
    }
  };
  const options = (p: PullProposal) => [
    ...(p.variantId !== null ? [{ value: 'link' as const, label: t('pull.action.link', { sku: p.variantSku ?? '' }) }] : []),
    ...(p.action === 'create' ? [{ value: 'create' as const, label: t('pull.action.create') }] : []),
    { value: 'skip' as const, label: t('pull.action.skip') },
  ];
  return (
    <Dialog open={open} onClose={onClose} title={t('pull.title')} size="lg" onSubmit={() => void submit()}
      footer={<>
        <Button type="button" onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" shortcut="Ctrl+Enter" busy={apply.pending} disabled={!data}>{t('pull.apply')}</Button>
      </>}>
      {preview.pending ? <Loading label={t('pull.reading')} /> : null}
      {preview.error ? <ErrorBanner error={preview.error} /> : null}
      {apply.error ? <ErrorBanner error={apply.error} /> : null}
      {data ? (
        <>
          <p>{t('pull.summary', { items: data.items, link: data.counts.link, create: data.counts.create, skip: data.counts.skip, linked: data.counts.linked })}</p>
          <CheckboxField label={t('pull.stockFromShopee')} hint={t('pull.stockFromShopeeHint')} checked={stockFrom} onChange={setStockFrom} />
          {stockFrom ? (
            <SelectField label={t('pull.warehouse')} value={warehouseId} onChange={setWarehouseId}
              options={[{ value: '', label: '—' }, ...(warehouses.data ?? []).map((w) => ({ value: String(w.id), label: w.name }))]} />
          ) : null}
          <div className="table-scroll">
            <table className="data-table">
              <caption className="sr-only">{t('pull.title')}</caption>
              <thead><tr><th>{t('pull.listing')}</th><th className="num">{t('pull.price')}</th><th className="num">{t('pull.shopeeStock')}</th><th>{t('pull.reason')}</th><th>{t('pull.choice')}</th></tr></thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.listingId}>
                    <td><span className="mono">{p.sku || '—'}</span><div className="muted">{p.name}{p.modelName ? ` · ${p.modelName}` : ''}</div></td>
                    <td className="num">{p.price === null ? '—' : formatVnd(p.price)}</td>
                    <td className="num">{n(p.shopeeStock)}</td>
                    <td>{t(`pull.why.${p.reason}`)}</td>
                    <td>
                      {p.action === 'linked' ? <span className="muted">{t('pull.action.linked', { sku: p.variantSku ?? '' })}</span> : (
                        <SelectField hideLabel label={t('pull.choiceFor', { sku: p.sku || p.itemId })} value={choiceOf(p)}
                          onChange={(v) => setChoices((c) => ({ ...c, [p.listingId]: v }))} options={options(p)} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

function PolicyDialog({ accountId, open, onClose }: { accountId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('listings');
  const current = useCommand('listings.policy', open ? { accountId } : null, [open]);
  const warehouses = useCommand('warehouses.list', open ? {} : null);
  const save = useAction('listings.setPolicy');
  const [form, setForm] = useState<{ enabled: boolean; sharePercent: number | null; reserveUnits: number | null; zeroBelow: number | null; maxShown: number | null; warehouseIds: number[]; driftEveryMinutes: number | null } | null>(null);
  useEffect(() => {
    if (current.data) setForm({ ...current.data });
  }, [current.data]);
  const submit = async () => {
    if (!form) return;
    const r = await save.run({ accountId, enabled: form.enabled, sharePercent: form.sharePercent ?? 100, reserveUnits: form.reserveUnits ?? 0, zeroBelow: form.zeroBelow ?? 0,
      maxShown: form.maxShown, warehouseIds: form.warehouseIds, driftEveryMinutes: form.driftEveryMinutes ?? 15 });
    if (r) {
      toast('success', t('policy.saved'));
      onClose();
    }
  };
  const set = <K extends keyof NonNullable<typeof form>>(k: K, v: NonNullable<typeof form>[K]) => setForm((f) => (f ? { ...f, [k]: v } : f));
  return (
    <Dialog open={open} onClose={onClose} title={t('policy.title')} size="md" onSubmit={() => void submit()}
      footer={<>
        <Button type="button" onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" shortcut="Ctrl+Enter" busy={save.pending} disabled={!form}>{t('policy.save')}</Button>
      </>}>
      {current.error ? <ErrorBanner error={current.error} /> : null}
      {save.error ? <ErrorBanner error={save.error} /> : null}
      {form ? (
        <div className="form-grid">
          <CheckboxField label={t('policy.enabled')} checked={form.enabled} onChange={(v) => set('enabled', v)} />
          <NumberField label={t('policy.share')} hint={t('policy.shareHint')} min={0} max={100} value={form.sharePercent} onChange={(v) => set('sharePercent', v)} />
          <NumberField label={t('policy.reserve')} hint={t('policy.reserveHint')} min={0} value={form.reserveUnits} onChange={(v) => set('reserveUnits', v)} />
          <NumberField label={t('policy.zeroBelow')} hint={t('policy.zeroBelowHint')} min={0} value={form.zeroBelow} onChange={(v) => set('zeroBelow', v)} />
          <NumberField label={t('policy.maxShown')} hint={t('policy.maxShownHint')} min={0} value={form.maxShown} onChange={(v) => set('maxShown', v)} />
          <NumberField label={t('policy.driftEvery')} min={1} max={1440} value={form.driftEveryMinutes} onChange={(v) => set('driftEveryMinutes', v)} />
          <fieldset>
            <legend>{t('policy.warehouses')}</legend>
            <p className="muted">{t('policy.warehousesHint')}</p>
            {(warehouses.data ?? []).map((w) => (
              <CheckboxField key={w.id} label={w.name} checked={form.warehouseIds.includes(w.id)}
                onChange={(on) => set('warehouseIds', on ? [...form.warehouseIds, w.id] : form.warehouseIds.filter((x) => x !== w.id))} />
            ))}
          </fieldset>
          <p className="muted">{t('policy.reservedNote')}</p>
        </div>
      ) : <Loading />}
    </Dialog>
  );
}

function PushLog({ accountId }: { accountId: number }) {
  const { t } = useTranslation('listings');
  const [result, setResult] = useState<'all' | 'ok' | 'failed' | 'drift'>('all');
  const log = useCommand('listings.pushLog', { accountId, limit: 50, offset: 0, ...(result === 'all' ? {} : { result }) }, [accountId, result]);
  return (
    <Section title={t('log.title')}>
      <FilterTabs label={t('log.filter')} value={result} onChange={setResult}
        tabs={[{ value: 'all', label: t('log.all'), count: null }, { value: 'ok', label: t('log.ok'), count: null }, { value: 'failed', label: t('log.failed'), count: null }, { value: 'drift', label: t('log.drift'), count: null }]} />
      {log.error ? <ErrorBanner error={log.error} /> : null}
      {log.data && log.data.items.length === 0 ? <EmptyState title={t('log.empty')} /> : null}
      {log.data && log.data.items.length > 0 ? (
        <table className="data-table">
          <caption className="sr-only">{t('log.title')}</caption>
          <thead><tr><th>{t('log.at')}</th><th>{t('log.listing')}</th><th>{t('log.reason')}</th><th className="num">{t('log.quantity')}</th><th className="num">{t('log.shopeeStock')}</th><th>{t('log.result')}</th></tr></thead>
          <tbody>
            {log.data.items.map((e: PushLogEntry) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td><span className="mono">{e.sku || '—'}</span><div className="muted mono">{e.itemId} / {e.modelId}</div></td>
                <td>{t(`log.reasons.${e.reason}`)}</td>
                <td className="num">{n(e.quantity)}</td>
                <td className="num">{n(e.shopeeStock)}</td>
                <td>{e.result === 'ok' ? t('log.ok') : e.result === 'drift' ? t('log.drift') : <span className="error-text">{t('log.failed')}: {e.errorCode} {e.error}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}

/** Sản phẩm trên sàn: one Shopee shop's listings, pull, policy, push now, push log. */
export function ListingsScreen() {
  const { t } = useTranslation('listings');
  const shops = useCommand('marketplaces.list', {});
  const connected = useMemo(() => (shops.data ?? []).filter((s) => s.connected), [shops.data]);
  // ?account=<id>: opened for one shop (e.g. after listing a product there).
  const fromLink = Number(useLocation().query.get('account')) || null;
  const [accountId, setAccountId] = useState<number | null>(fromLink);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [dialog, setDialog] = useState<'pull' | 'policy' | null>(null);
  useEffect(() => {
    if (accountId === null && connected.length) setAccountId(connected[0].accountId);
  }, [accountId, connected]);
  // Alt+R: "Retirar" (pull) from anywhere on the screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyR' && accountId) {
        e.preventDefault();
        setDialog('pull');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [accountId]);
  const list = useCommand('listings.list', accountId ? { accountId, filter, search: q, limit: 200, offset: 0 } : null, [accountId, filter, q]);
  const pushAll = useAction('listings.pushNow');
  const drift = useAction('listings.checkDrift');
  return (
    <div className="screen listings">
      <PageHeader title={t('title')} subtitle={t('subtitle')}
        actions={accountId ? (
          <>
            <Button variant="primary" shortcut="Alt+R" onClick={() => setDialog('pull')}>{t('actions.pull')}</Button>
            <Button busy={pushAll.pending} onClick={() => void pushAll.run({ accountId }).then((r) => r && toast('success', t('toast.queued', { count: r.queued })))}>{t('actions.pushAll')}</Button>
            <Button busy={drift.pending} onClick={() => void drift.run({ accountId }).then((r) => r && toast('info', t('toast.driftQueued')))}>{t('actions.checkDrift')}</Button>
            <Button onClick={() => setDialog('policy')}>{t('actions.policy')}</Button>
            <PriceActions accountId={accountId} />
          </>
        ) : null} />
      {shops.error ? <ErrorBanner error={shops.error} /> : null}
      {pushAll.error ? <ErrorBanner error={pushAll.error} /> : null}
      {drift.error ? <ErrorBanner error={drift.error} /> : null}
      {shops.data && connected.length === 0 ? <EmptyState title={t('noShop')} /> : null}
      {accountId ? (
        <>
          <Toolbar label={t('toolbar')}>
            <SelectField label={t('shop')} value={String(accountId)} onChange={(v) => setAccountId(Number(v))}
              options={connected.map((s) => ({ value: String(s.accountId), label: s.shopName || s.name }))} />
            <TextField label={t('search')} type="search" value={search} onChange={setSearch} placeholder={t('searchPlaceholder')} />
          </Toolbar>
          <FilterTabs label={t('filter')} value={filter} onChange={setFilter}
            tabs={[
              { value: 'all', label: t('filters.all'), count: list.data ? list.data.linked + list.data.unlinked : undefined },
              { value: 'linked', label: t('filters.linked'), count: list.data?.linked },
              { value: 'unlinked', label: t('filters.unlinked'), count: list.data?.unlinked },
              { value: 'drift', label: t('filters.drift'), count: list.data?.drift },
              { value: 'failed', label: t('filters.failed'), count: null },
            ]} />
          {list.error ? <ErrorBanner error={list.error} /> : null}
          {list.loading && !list.data ? <Loading /> : null}
          {list.data && list.data.items.length === 0 ? <EmptyState title={t('empty')}><Button onClick={() => setDialog('pull')}>{t('actions.pull')}</Button></EmptyState> : null}
          {list.data && list.data.items.length > 0 ? (
            <div className="table-scroll">
              <table className="data-table">
                <caption className="sr-only">{t('title')}</caption>
                <thead>
                  <tr>
                    <th>{t('list.listing')}</th><th>{t('list.variant')}</th><th className="num">{t('list.available')}</th><th className="num">{t('list.wouldPush')}</th>
                    <th className="num">{t('list.lastPushed')}</th><th className="num">{t('list.shopeeStock')}</th><th className="num">{t('price.column')}</th><th>{t('list.state')}</th><th><span className="sr-only">{t('list.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>{list.data.items.map((l) => <ListingRow key={l.id} l={l} accountId={accountId} />)}</tbody>
              </table>
            </div>
          ) : null}
          <PushLog accountId={accountId} />
          <PricePushLog accountId={accountId} />
          <PullDialog accountId={accountId} open={dialog === 'pull'} onClose={() => setDialog(null)} />
          <PolicyDialog accountId={accountId} open={dialog === 'policy'} onClose={() => setDialog(null)} />
        </>
      ) : null}
    </div>
  );
}
