import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickList } from '../../../main/api/picking.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { KeyValues, PageHeader, Section } from '../../components/layout.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useShortcut } from '../../app/shortcuts.js';
import { call, useAction, useCommand } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { navigate, useParams } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { PickListLines } from './pick-list-lines.js';
import { PickProgress, PickStatusTag } from './pick-status-tag.js';
import './picking.css';

type Order = PickList['orders'][number];

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** A pick list: what to pick by bin, its orders in packing order, and its prints. */
export function PickListDetailScreen() {
  const { t } = useTranslation('picking');
  const id = Number(useParams().id);
  const list = useCommand('picking.get', Number.isInteger(id) && id > 0 ? { id } : null);
  const print = useAction('picking.print');
  const cancel = useAction('picking.cancel');
  const picked = useAction('picking.markPicked');
  const [pdf, setPdf] = useState<{ url: string; fileName: string } | null>(null);
  const [pdfError, setPdfError] = useState<unknown>(null);
  useEffect(() => () => { if (pdf) URL.revokeObjectURL(pdf.url); }, [pdf]);

  const loadPdf = async () => {
    setPdfError(null);
    try {
      const r = await call('picking.pdf', { id });
      const next = { url: pdfUrl(r.base64), fileName: r.fileName };
      setPdf(next);
      return next;
    } catch (err) {
      setPdfError(err);
      return null;
    }
  };
  const download = async () => {
    const f = pdf ?? (await loadPdf());
    if (!f) return;
    const a = document.createElement('a');
    a.href = f.url;
    a.download = f.fileName;
    a.click();
  };
  const printThermal = async () => {
    if (await print.run({ id })) toast('success', t('detail.printed'));
  };
  const [showPdf, setShowPdf] = useState(false);
  useShortcut('Ctrl+P', () => void printThermal(), { allowInInput: true });
  const markPicked = async () => {
    const r = await picked.run({ id });
    if (r) toast('success', t('detail.markedPicked', { code: r.code }));
  };
  useShortcut('D', () => void markPicked(), { enabled: list.data?.status === 'open' });

  const p = list.data;
  if (!p) return <div className="screen">{list.error ? <ErrorBanner error={list.error} /> : <Loading />}</div>;

  const orderColumns: Column<Order>[] = [
    { key: 'n', header: '#', width: '3rem', render: (o) => <span className="num">{p.orders.indexOf(o) + 1}</span> },
    { key: 'number', header: t('col.number'), width: '9rem', render: (o) => <strong className="num">{o.number}</strong> },
    { key: 'status', header: t('col.status'), width: '9rem', render: (o) => <StatusBadge status={o.status} /> },
    { key: 'channel', header: t('col.channel'), width: '7rem', render: (o) => t(`common:channels.${o.channel}`) },
    { key: 'buyer', header: t('col.buyer'), render: (o) => o.buyerName },
    { key: 'units', header: t('col.units'), width: '4rem', align: 'right', render: (o) => <span className="num">{o.units}</span> },
  ];
  const active = p.status === 'open' || p.status === 'picked';

  return (
    <div className="screen pick-screen">
      <PageHeader
        title={<>{t('title')} <span className="num">{p.code}</span></>}
        subtitle={t('create.totals', { orders: p.totals.orders, skus: p.totals.skus, units: p.totals.units })}
        actions={
          <div className="pick-actions">
            <Button onClick={async () => { if (await loadPdf()) setShowPdf(true); }}>{t('detail.previewPdf')}</Button>
            <Button onClick={() => void download()}>{t('detail.downloadPdf')}</Button>
            <Button variant="primary" shortcut="Ctrl+P" busy={print.pending} onClick={() => void printThermal()}>{t('detail.printThermal')}</Button>
            {p.status === 'open' ? <Button shortcut="D" busy={picked.pending} onClick={() => void markPicked()}>{t('detail.markPicked')}</Button> : null}
            {active ? (
              <Button variant="danger" busy={cancel.pending} onClick={async () => { const r = await cancel.run({ id }); if (r) toast('info', t('detail.cancelled', { code: r.code })); }}>
                {t('detail.cancel')}
              </Button>
            ) : null}
            <Button variant="ghost" onClick={() => navigate('/pick-lists')}>{t('detail.back')}</Button>
          </div>
        }
      />
      {print.error ? <p className="field-error" role="alert">{errorMessage(t, print.error)}</p> : null}
      {picked.error ? <p className="field-error" role="alert">{errorMessage(t, picked.error)}</p> : null}
      {cancel.error ? <p className="field-error" role="alert">{errorMessage(t, cancel.error)}</p> : null}
      {pdfError ? <ErrorBanner error={pdfError} /> : null}
      <KeyValues items={[
        { label: t('col.status'), value: <PickStatusTag status={p.status} /> },
        { label: t('detail.progress'), value: <PickProgress list={p} /> },
        { label: t('col.warehouse'), value: `${p.warehouseCode} – ${p.warehouseName}` },
        { label: t('col.createdAt'), value: formatDateTime(p.createdAt) },
        { label: t('col.createdBy'), value: p.createdBy ?? '—' },
        ...(p.note ? [{ label: t('col.note'), value: p.note }] : []),
      ]} />
      <Section title={t('detail.lines')}>
        <PickListLines lines={p.lines} />
      </Section>
      <Section title={t('detail.orders')}>
        <DataTable label={t('detail.ordersLabel')} columns={orderColumns} rows={p.orders} rowKey={(o) => o.id} rowLabel={(o) => o.number} onOpen={(o) => navigate(`/orders/${o.id}`)} />
      </Section>
      <Dialog open={showPdf && !!pdf} onClose={() => setShowPdf(false)} title={t('detail.pdfTitle', { code: p.code })} size="lg"
        footer={<Button onClick={() => setShowPdf(false)}>{t('detail.close')}</Button>}>
        {pdf ? <iframe className="pick-pdf-frame" title={t('detail.pdfTitle', { code: p.code })} src={pdf.url} /> : null}
      </Dialog>
    </div>
  );
}
