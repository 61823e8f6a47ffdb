import '../catalog/extras.css';
import '../shipping/shipping.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Loading, Money } from '../../components/feedback.js';
import { SelectField } from '../../components/field.js';
import { PageHeader, Section } from '../../components/layout.js';
import { useCommand, type Output } from '../../lib/api.js';
import { formatDate, formatNumber, formatVnd } from '../../lib/format.js';
import { href } from '../../lib/router.js';
import { useCarrierAccounts } from '../shipping/use-carrier-accounts.js';
import { PayoutDialog } from './payout-dialog.js';
import { UnpaidTable } from './unpaid-table.js';

type Summary = Output<'cod.summary'>;
type Payout = Summary['payouts'][number];

/**
 * COD per carrier account: money still on the road, parcels delivered but not yet paid out (pick
 * them and record what the carrier paid), and past payouts with any gap flagged.
 */
export function CodScreen() {
  const { t } = useTranslation('cod');
  const { accounts, error: accountsError } = useCarrierAccounts();
  const [accountId, setAccountId] = useState<number | null>(null);
  useEffect(() => {
    if (accountId === null && accounts.length > 0) setAccountId(accounts[0].id);
  }, [accounts, accountId]);
  const summary = useCommand('cod.summary', accountId === null ? null : { accountId });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [paying, setPaying] = useState(false);
  const data = summary.data;

  // A shipment that was paid out elsewhere leaves the selection.
  useEffect(() => {
    if (!data) return;
    const present = new Set(data.deliveredUnpaid.map((s) => s.id));
    setSelected((sel) => new Set([...sel].filter((id) => present.has(id))));
  }, [data]);
  useEffect(() => setSelected(new Set()), [accountId]);

  const expected = useMemo(() => (data?.deliveredUnpaid ?? []).filter((s) => selected.has(s.id)).reduce((sum, s) => sum + s.codCollected, 0), [data, selected]);

  const payoutColumns: Column<Payout>[] = [
    { key: 'paidAt', header: t('payouts.col.date'), width: '7rem', render: (p) => <span className="num">{formatDate(p.paidAt)}</span> },
    { key: 'reference', header: t('payouts.col.reference'), render: (p) => (p.reference ? <span className="mono">{p.reference}</span> : <span className="muted">—</span>) },
    { key: 'count', header: t('payouts.col.shipments'), align: 'right', width: '6rem', render: (p) => <span className="num">{formatNumber(p.shipmentCount)}</span> },
    { key: 'expected', header: t('payouts.col.expected'), align: 'right', width: '8rem', render: (p) => <Money value={p.expected} /> },
    { key: 'amount', header: t('payouts.col.amount'), align: 'right', width: '8rem', render: (p) => <Money value={p.amount} strong={p.mismatch} /> },
    {
      key: 'check', header: t('payouts.col.check'), width: '11rem',
      render: (p) => (p.mismatch ? <span className="badge badge-danger">{t('payouts.mismatch', { difference: formatVnd(p.amount - p.expected) })}</span> : <span className="badge badge-ok">{t('payouts.match')}</span>),
    },
    { key: 'note', header: t('payouts.col.note'), render: (p) => <span className="clamp muted">{p.note || '—'}</span> },
  ];
  const mismatches = data?.payouts.filter((p) => p.mismatch).length ?? 0;

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <SelectField label={t('account')} hideLabel className="header-filter" value={accountId === null ? '' : String(accountId)} onChange={(v) => setAccountId(v ? Number(v) : null)}
            options={accounts.map((a) => ({ value: String(a.id), label: a.name ?? `#${a.id}` }))} />
        }
      />
      <ErrorBanner error={accountsError ?? summary.error} />
      {accounts.length === 0 && !accountsError ? <EmptyState title={t('noAccounts')}><a href={href('/connections')}>{t('openConnections')}</a></EmptyState> : null}
      {summary.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <div className="cod-tiles">
            <Tile label={t('tiles.outstanding')} value={data.outstandingVnd} note={t('tiles.outstandingNote', { count: data.outstandingCount })} />
            <Tile label={t('tiles.unpaid')} value={data.deliveredUnpaidVnd} note={t('tiles.unpaidNote', { count: data.deliveredUnpaid.length })} />
            <Tile label={t('tiles.selected')} value={expected} note={t('tiles.selectedNote', { count: selected.size })} />
            <Tile label={t('tiles.mismatches')} count={mismatches} tone={mismatches > 0 ? 'danger' : undefined} note={t('tiles.mismatchesNote')} />
          </div>
          <Section
            title={t('unpaid.title')}
            actions={<Button size="sm" variant="primary" disabled={selected.size === 0} onClick={() => setPaying(true)}>{t('unpaid.record', { count: selected.size })}</Button>}
          >
            <UnpaidTable rows={data.deliveredUnpaid} selected={selected} onSelected={setSelected} />
          </Section>
          <Section title={t('payouts.title')}>
            <DataTable
              label={t('payouts.title')}
              columns={payoutColumns}
              rows={data.payouts}
              rowKey={(p) => p.id}
              rowLabel={(p) => `${formatDate(p.paidAt)} ${p.reference} ${formatVnd(p.amount)}${p.mismatch ? ` ${t('payouts.mismatchShort')}` : ''}`}
              empty={<p className="muted table-empty">{t('payouts.empty')}</p>}
            />
          </Section>
        </>
      ) : null}
      {accountId !== null ? (
        <PayoutDialog
          open={paying}
          accountId={accountId}
          shipmentIds={[...selected]}
          expected={expected}
          onClose={() => setPaying(false)}
          onRecorded={() => {
            setPaying(false);
            setSelected(new Set());
          }}
        />
      ) : null}
    </div>
  );
}

function Tile({ label, value, count, note, tone }: { label: string; value?: number; count?: number; note: string; tone?: 'danger' }) {
  return (
    <div className={`cod-tile ${tone ? `is-${tone}` : ''}`}>
      <div className="cod-tile-label">{label}</div>
      <div className="cod-tile-value">{value !== undefined ? <Money value={value} /> : <span className="num">{formatNumber(count ?? 0)}</span>}</div>
      <div className="muted small">{note}</div>
    </div>
  );
}
