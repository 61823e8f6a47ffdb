import '../catalog/extras.css';
import '../shipping/shipping.css';
import './exceptions.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ReasonDialog } from '../../components/dialog.js';
import { EmptyState, ErrorBanner } from '../../components/feedback.js';
import { SelectField } from '../../components/field.js';
import { FilterTabs } from '../../components/filter-tabs.js';
import { PageHeader } from '../../components/layout.js';
import { useAction, useCommand, type Output } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { href, navigate } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { Pager } from '../inventory/pager.js';
import { RowActions } from '../catalog/row-actions.js';
import { CarrierTag } from '../shipping/shipment-badge.js';
import { DecisionButtons } from '../shipping/decision-buttons.js';
import { ExceptionActionButtons } from './exception-action-buttons.js';
import { hasRole, useOperator } from '../../state/session-store.js';

type Item = Output<'exceptions.list'>['items'][number];
type Status = 'open' | 'resolved';

/** Every kind the core opens (main/domain/shipping/shipment-state-rules.ts ExceptionKind). */
export const EXCEPTION_KINDS = [
  'delivery_failed', 'awaiting_decision', 'returned', 'lost', 'damaged', 'carrier_exception',
  'booking_rejected', 'address_unmatched', 'already_booked', 'cod_mismatch', 'pack_paused', 'decision_refused',
  'marketplace_cancel_after_pack', 'marketplace_pickup_retry',
] as const;
const URGENT = new Set(['lost', 'damaged', 'carrier_exception', 'already_booked', 'cod_mismatch', 'marketplace_cancel_after_pack']);
const PAGE = 100;

/** Where the shop must decide something: failed deliveries, returns, lost parcels, refused bookings, COD gaps. */
export function ExceptionsScreen() {
  const { t } = useTranslation('exceptions');
  const [status, setStatus] = useState<Status>('open');
  const [kind, setKind] = useState('');
  const [offset, setOffset] = useState(0);
  const filter = { status, ...(kind ? { kind } : {}) };
  const list = useCommand('exceptions.list', { ...filter, limit: PAGE, offset });
  const openCount = useCommand('exceptions.list', { status: 'open', ...(kind ? { kind } : {}), limit: 1 });
  const resolvedCount = useCommand('exceptions.list', { status: 'resolved', ...(kind ? { kind } : {}), limit: 1 });
  const resolve = useAction('exceptions.resolve');
  const isManager = hasRole('manager', useOperator()?.role);
  const [resolving, setResolving] = useState<Item | null>(null);

  const columns: Column<Item>[] = [
    { key: 'at', header: t('col.opened'), width: '8.5rem', render: (e) => <span className="num muted">{formatDateTime(e.createdAt)}</span> },
    { key: 'kind', header: t('col.kind'), width: '9.5rem', render: (e) => <span className={`tag tag-${URGENT.has(e.kind) ? 'danger' : 'warn'}`}>{t(`kind.${e.kind}`, { defaultValue: e.kind })}</span> },
    { key: 'order', header: t('col.order'), width: '9rem', render: (e) => <Subject item={e} /> },
    { key: 'what', header: t('col.what'), render: (e) => <Happened item={e} /> },
    { key: 'next', header: status === 'open' ? t('col.next') : t('col.resolution'), render: (e) => (status === 'open' ? <NextStep kind={e.kind} /> : <Resolution item={e} />) },
  ];
  if (status === 'open') {
    // Wider where a row may carry its kind's own actions (unpack and restock, ship anyway, re-arrange).
    const hasActions = (list.data?.items ?? []).some((e) => e.actions.length > 0);
    columns.push({
      key: 'actions', header: '', align: 'right', width: hasActions ? '19rem' : isManager ? '16rem' : '7rem',
      render: (e) => (
        <RowActions>
          {isManager && e.decidable && e.shipmentId !== null ? <DecisionButtons shipmentId={e.shipmentId} code={e.trackingNumber ?? e.orderNumber ?? ''} /> : null}
          {e.actions.length ? <ExceptionActionButtons item={e} isManager={isManager} /> : null}
          <Button size="sm" aria-label={t('resolveNamed', { subject: e.orderNumber ?? t(`kind.${e.kind}`) })} onClick={() => { resolve.reset(); setResolving(e); }}>{t('resolve')}</Button>
        </RowActions>
      ),
    });
  }

  return (
    <div className="screen exceptions-screen">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <SelectField label={t('kindFilter')} hideLabel className="header-filter" value={kind} onChange={(v) => { setKind(v); setOffset(0); }}
            options={[{ value: '', label: t('allKinds') }, ...EXCEPTION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]} />
        }
      >
        <FilterTabs
          label={t('tabsLabel')}
          value={status}
          onChange={(v) => { setStatus(v); setOffset(0); }}
          tabs={[
            { value: 'open', label: t('tab.open'), count: openCount.data?.total },
            { value: 'resolved', label: t('tab.resolved'), count: resolvedCount.data?.total },
          ]}
        />
      </PageHeader>
      <ErrorBanner error={list.error} />
      <DataTable
        label={t('tableLabel')}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(e) => e.id}
        rowLabel={(e) => `${t(`kind.${e.kind}`, { defaultValue: e.kind })} ${e.orderNumber ?? ''}`}
        onOpen={(e) => (e.orderId ? navigate(`/orders/${e.orderId}`) : e.kind === 'cod_mismatch' ? navigate('/cod') : undefined)}
        empty={list.data ? <EmptyState title={t(`empty.${status}`)} /> : null}
      />
      {list.data ? <Pager offset={offset} limit={PAGE} total={list.data.total} onOffset={setOffset} label={t('pages')} /> : null}
      <ReasonDialog
        open={resolving !== null}
        onClose={() => setResolving(null)}
        title={t('resolveTitle', { kind: resolving ? t(`kind.${resolving.kind}`) : '', subject: resolving?.orderNumber ?? '' })}
        description={resolving ? <NextStep kind={resolving.kind} /> : null}
        reasonLabel={t('resolution')}
        confirmLabel={t('resolve')}
        pending={resolve.pending}
        error={resolve.error}
        onConfirm={async (resolution) => {
          if (!resolving) return;
          const r = await resolve.run({ id: resolving.id, resolution });
          if (!r) return;
          toast('success', t('resolved'));
          setResolving(null);
        }}
      />
    </div>
  );
}

function Subject({ item: e }: { item: Item }) {
  return (
    <span className="exception-subject">
      {e.orderId ? <a href={href(`/orders/${e.orderId}`)} tabIndex={-1}>{e.orderNumber}</a> : null}
      {e.trackingNumber || e.carrier ? (
        <span className="small">
          {e.carrier ? <CarrierTag carrier={e.carrier} /> : null} {e.trackingNumber ? <span className="mono muted">{e.trackingNumber}</span> : null}
        </span>
      ) : null}
    </span>
  );
}

/**
 * What happened, in the operator's language for the kinds Packdesk itself raises (from the exception's
 * details); a carrier's or marketplace's own words (its message) are shown as they came.
 */
/** The details each translated sentence needs; an exception without them shows its message. */
const HAPPENED_NEEDS: Record<string, readonly string[]> = {
  marketplace_cancel_after_pack: ['channel', 'orderStatus'],
  marketplace_pickup_retry: ['channel'],
  pack_paused: ['reason', 'station'],
};

function Happened({ item: e }: { item: Item }) {
  const { t } = useTranslation('exceptions');
  const d = e.details as Record<string, unknown>;
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  const needs = HAPPENED_NEEDS[e.kind];
  if (!needs || needs.some((k) => !text(k))) return <span className="exception-message">{e.message}</span>;
  const sentence = t(`happened.${e.kind}`, {
    defaultValue: e.message,
    number: text('number') || e.orderNumber || '',
    station: text('station'),
    channelName: t(`common:channels.${text('channel')}`, { defaultValue: text('channel') }),
    orderStatusLabel: t(`common:status.${text('orderStatus')}`, { defaultValue: text('orderStatus') }),
    externalId: text('externalId') || e.orderNumber || '',
    reasonLabel: t(`packing:pauseReasons.${text('reason')}`, { defaultValue: text('reason') }),
    reasonPart: text('cancelReason') ? `: ${text('cancelReason')}` : '',
    notePart: text('note') ? ` (${text('note')})` : '',
  });
  return <span className="exception-message">{sentence}</span>;
}

/** The translated "what to do next" for a kind; the core's message only says what happened. */
function NextStep({ kind }: { kind: string }) {
  const { t } = useTranslation('exceptions');
  return <span className="exception-next">{t(`next.${kind}`, { defaultValue: t('next.default') })}</span>;
}

function Resolution({ item: e }: { item: Item }) {
  return (
    <span className="exception-next">
      {e.resolution}
      {e.resolvedAt ? <span className="muted small num"> · {formatDateTime(e.resolvedAt)}</span> : null}
    </span>
  );
}
