import './printing.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobOut } from '../../../main/api/printing.js';
import type { PrintDocument } from '../../../main/domain/printing/print-documents.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorBanner } from '../../components/feedback.js';
import { Section } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useAction, useCommand } from '../../lib/api.js';
import { formatTime } from '../../lib/format.js';
import { LabelPreviewDialog } from './label-preview-dialog.js';

const TONE: Record<PrintJobOut['status'], 'neutral' | 'info' | 'warn' | 'danger' | 'ok'> = {
  queued: 'info', printing: 'info', waiting: 'warn', printed: 'ok', cancelled: 'neutral', refused: 'danger',
};

/** One line of text for a job: what it prints and for which order. */
export function useJobText() {
  const { t } = useTranslation('printing');
  return {
    document: (j: PrintJobOut) => {
      const doc = t(`document.${j.document.kind}`);
      return j.orderNumber ? t('document.ofOrder', { document: doc, number: j.orderNumber }) : doc;
    },
    message: (j: PrintJobOut) => (j.messageCode ? t(`message.${j.messageCode}`, { detail: j.messageDetail ?? '', defaultValue: j.messageDetail ?? j.messageCode }) : ''),
  };
}

/**
 * This station's recent print jobs: why one waits, and retry / cancel / preview. Embedded by the station
 * screen and the pack screen; it refreshes on printing.changed.
 */
export function PrintQueuePanel({ limit = 15, title }: { limit?: number; title?: string }) {
  const { t } = useTranslation('printing');
  const queue = useCommand('print.queue', { limit });
  const retry = useAction('print.retry');
  const cancel = useAction('print.cancel');
  const [preview, setPreview] = useState<PrintDocument | null>(null);
  const text = useJobText();
  const columns: Column<PrintJobOut>[] = [
    { key: 'time', header: t('queue.columns.time'), render: (j) => formatTime(j.createdAt), width: '64px' },
    { key: 'document', header: t('queue.columns.document'), render: (j) => text.document(j) },
    { key: 'printer', header: t('queue.columns.printer'), render: (j) => j.profileName ?? '—' },
    { key: 'status', header: t('queue.columns.status'), render: (j) => <Tag tone={TONE[j.status]}>{t(`status.${j.status}`)}</Tag>, width: '96px' },
    { key: 'message', header: t('queue.columns.message'), render: (j) => <span className="print-message">{text.message(j)}</span> },
    {
      key: 'actions', header: t('queue.columns.actions'), width: '220px',
      render: (j) => (
        <span className="print-actions">
          {j.status === 'waiting' || j.status === 'refused' || j.status === 'cancelled' ? (
            <Button size="sm" aria-label={t('queue.retryFor', { id: j.id })} busy={retry.pending} onClick={() => void retry.run({ id: j.id })}>{t('queue.retry')}</Button>
          ) : null}
          {j.status === 'queued' || j.status === 'waiting' ? (
            <Button size="sm" variant="ghost" aria-label={t('queue.cancelFor', { id: j.id })} busy={cancel.pending} onClick={() => void cancel.run({ id: j.id })}>{t('queue.cancel')}</Button>
          ) : null}
          <Button size="sm" variant="ghost" aria-label={t('queue.previewFor', { id: j.id })} onClick={() => setPreview(j.document)}>{t('queue.preview')}</Button>
        </span>
      ),
    },
  ];
  return (
    <Section title={title ?? t('queue.title')} className="print-queue-panel">
      <ErrorBanner error={queue.error ?? retry.error ?? cancel.error} />
      <DataTable label={t('queue.tableLabel')} columns={columns} rows={queue.data ?? []} rowKey={(j) => j.id} empty={t('queue.empty')} />
      <LabelPreviewDialog document={preview} onClose={() => setPreview(null)} />
    </Section>
  );
}
