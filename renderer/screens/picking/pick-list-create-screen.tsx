import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickCandidate } from '../../../main/api/picking.js';
import { CHANNELS } from '../../../main/api/common.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { SelectField, TextField } from '../../components/field.js';
import { PageHeader, Section } from '../../components/layout.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useAction, useCommand } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { navigate, useLocation } from '../../lib/router.js';
import { useScan } from '../../lib/scanner/index.js';
import { useDebounced } from '../../lib/use-debounced.js';
import { toast } from '../../state/toast-store.js';
import { PickListLines } from './pick-list-lines.js';
import { useCandidateSelection } from './use-candidate-selection.js';
import './picking.css';

type Carrier = '' | 'ghn' | 'viettelpost' | 'none';

/** Choose orders (filters, ticks with Shift ranges, or scans), see what to pick, then create. */
export function PickListCreateScreen() {
  const { t } = useTranslation('picking');
  const { query } = useLocation();
  const preselected = (query.get('orders') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const station = useCommand('stations.current', {});
  const warehouses = useCommand('warehouses.list', {});
  const [warehouseId, setWarehouseId] = useState('');
  const [channel, setChannel] = useState('');
  const [carrier, setCarrier] = useState<Carrier>('');
  const [note, setNote] = useState('');
  const [scanMessage, setScanMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  // The station's warehouse first; orders preselected elsewhere bring their own warehouse.
  useEffect(() => {
    if (!warehouseId && station.data?.warehouseId && preselected.length === 0) setWarehouseId(String(station.data.warehouseId));
  }, [station.data, warehouseId, preselected.length]);

  const candidates = useCommand('picking.candidates', {
    ...(warehouseId ? { warehouseId: Number(warehouseId) } : {}),
    channels: channel ? [channel as (typeof CHANNELS)[number]] : [],
    ...(carrier ? { carrier } : {}),
  });
  const rows = candidates.data?.items ?? [];
  const sel = useCandidateSelection(rows, preselected);
  const debouncedIds = useDebounced(sel.selectedIds.join(','), 200);
  const preview = useCommand('picking.preview', debouncedIds ? { orderIds: debouncedIds.split(',').map(Number) } : null);
  const create = useAction('picking.create');

  useScan((scan) => {
    const r = sel.scan(scan.code);
    if (r.kind === 'unknown') setScanMessage({ tone: 'error', text: t('create.scanUnknown', { code: scan.code }) });
    else if (r.kind === 'held') setScanMessage({ tone: 'error', text: t('create.scanHeld', { number: r.number, code: r.code }) });
    else setScanMessage({ tone: 'ok', text: t('create.scanAdded', { number: r.number }) });
  });

  const submit = async () => {
    if (sel.selectedIds.length === 0) return;
    const p = await create.run({ orderIds: sel.selectedIds, note });
    if (p) {
      toast('success', t('create.created', { code: p.code }));
      navigate(`/pick-lists/${p.id}`, { replace: true });
    }
  };
  useShortcut('Ctrl+Enter', () => void submit(), { allowInInput: true });
  useShortcut('Ctrl+A', () => sel.selectAllFiltered());

  const columns: Column<PickCandidate>[] = [
    {
      key: 'check', header: '', width: '2.5rem',
      render: (r) => (
        <input type="checkbox" className="row-check" aria-label={t('create.selectOrder', { number: r.number })} checked={sel.selection.ids.has(r.id)}
          disabled={!!r.pickListCode} onClick={(e) => { e.stopPropagation(); sel.click(r, e.shiftKey); }} onChange={() => undefined} />
      ),
    },
    { key: 'number', header: t('col.number'), width: '8rem', render: (r) => <strong className="num">{r.number}</strong> },
    { key: 'channel', header: t('col.channel'), width: '7rem', render: (r) => t(`common:channels.${r.channel}`) },
    { key: 'carrier', header: t('col.carrier'), width: '8rem', render: (r) => (r.carrier ? t(`shipping:carrier.${r.carrier}`, { defaultValue: r.carrier }) : <span className="muted">—</span>) },
    { key: 'buyer', header: t('col.buyer'), render: (r) => r.buyerName },
    { key: 'units', header: t('col.units'), width: '4rem', align: 'right', render: (r) => <span className="num">{r.units}</span> },
    { key: 'shipBy', header: t('col.shipBy'), width: '9rem', render: (r) => <span className="num muted">{r.shipBy ? formatDateTime(r.shipBy) : ''}</span> },
    { key: 'held', header: t('col.heldBy'), width: '8rem', render: (r) => (r.pickListCode ? <span className="tag tag-warn">{r.pickListCode}</span> : null) },
  ];

  const p = preview.data;
  return (
    <div className="screen pick-screen">
      <PageHeader title={t('create.title')} subtitle={t('create.subtitle')} />
      <div className="pick-filters" role="group" aria-label={t('create.candidatesLabel')}>
        <SelectField label={t('create.warehouse')} value={warehouseId} onChange={(v) => { setWarehouseId(v); sel.clear(); }}
          options={[{ value: '', label: '—' }, ...(warehouses.data ?? []).map((w) => ({ value: String(w.id), label: `${w.code} – ${w.name}` }))]} />
        <SelectField label={t('create.channel')} value={channel} onChange={setChannel}
          options={[{ value: '', label: t('create.allChannels') }, ...CHANNELS.map((c) => ({ value: c, label: t(`common:channels.${c}`) }))]} />
        <SelectField<Carrier> label={t('create.carrier')} value={carrier} onChange={setCarrier}
          options={[{ value: '', label: t('create.allCarriers') }, { value: 'ghn', label: t('shipping:carrier.ghn') }, { value: 'viettelpost', label: t('shipping:carrier.viettelpost') }, { value: 'none', label: t('create.noCarrier') }]} />
      </div>
      <div className="pick-toolbar">
        <strong role="status">{t('create.selected', { count: sel.selectedIds.length })}</strong>
        <Button size="sm" shortcut="Ctrl+A" onClick={sel.selectAllFiltered}>{t('create.selectAll')}</Button>
        <Button size="sm" variant="ghost" onClick={sel.clear}>{t('create.clear')}</Button>
        <span className={scanMessage?.tone === 'error' ? 'field-error' : 'muted'} role="alert">{scanMessage?.text ?? t('create.scanHint')}</span>
      </div>
      <ErrorBanner error={candidates.error} />
      <div className="pick-candidates">
      <DataTable
        label={t('create.candidatesLabel')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        rowLabel={(r) => r.number}
        onOpen={(r) => !r.pickListCode && sel.click(r, false)}
        empty={<EmptyState title={t('create.noCandidates')} />}
      />
      </div>
      <Section title={t('create.preview')}>
        {preview.error ? <p className="field-error" role="alert">{errorMessage(t, preview.error)}</p> : null}
        {!debouncedIds ? <p className="muted">{t('create.previewEmpty')}</p> : null}
        {p && debouncedIds && !preview.error ? (
          <>
            <p className="pick-totals">{t('create.totals', { orders: p.totals.orders, skus: p.totals.skus, units: p.totals.units })}</p>
            <PickListLines lines={p.lines} />
          </>
        ) : null}
        <div className="pick-submit">
          <TextField label={t('create.note')} value={note} onChange={setNote} maxLength={300} />
          <Button variant="primary" shortcut="Ctrl+Enter" busy={create.pending} disabled={sel.selectedIds.length === 0} onClick={() => void submit()}>{t('create.submit')}</Button>
        </div>
        {create.error ? <p className="field-error" role="alert">{errorMessage(t, create.error)}</p> : null}
      </Section>
    </div>
  );
}
