import './printing.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterProfileOut } from '../../../main/api/printing.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorBanner } from '../../components/feedback.js';
import { Section } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { call, useAction, useCommand } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { toast } from '../../state/toast-store.js';
import type { StationTabProps } from '../station/station-tabs.js';
import { PrintQueuePanel } from './print-queue-panel.js';
import { PrinterFormDialog } from './printer-form-dialog.js';

const connectionOf = (p: PrinterProfileOut): string =>
  p.transport.kind === 'tcp' ? `${p.transport.host}:${p.transport.port}` : p.transport.kind === 'os' ? p.transport.printerName : p.transport.path;

/** "Máy in" tab of the station screen: the desk's printers, a test print and a status check each, and its print queue. */
export function PrintersTab({ station, canEdit }: StationTabProps) {
  const { t } = useTranslation('printing');
  const list = useCommand('printers.list', { station: station.name });
  const test = useAction('printers.test');
  const [editing, setEditing] = useState<PrinterProfileOut | 'new' | null>(null);
  const [states, setStates] = useState<Record<number, { state: string; tone: 'ok' | 'warn' | 'danger' | 'neutral' }>>({});

  const check = async (p: PrinterProfileOut) => {
    try {
      const s = await call('printers.status', { id: p.id });
      const tone = s.state === 'ready' ? 'ok' : s.state === 'unknown' ? 'neutral' : s.state === 'unreachable' || s.state === 'error' ? 'danger' : 'warn';
      setStates((m) => ({ ...m, [p.id]: { state: s.state, tone } }));
    } catch (err) {
      toast('error', errorMessage(t, err));
    }
  };
  const testPrint = async (p: PrinterProfileOut) => {
    if (await test.run({ id: p.id })) toast('info', t('printers.testQueued', { name: p.name }));
  };

  const columns: Column<PrinterProfileOut>[] = [
    { key: 'name', header: t('printers.columns.name'), render: (p) => <>{p.name} {p.active ? null : <Tag>{t('printers.inactive')}</Tag>}</> },
    { key: 'purposes', header: t('printers.columns.purposes'), render: (p) => p.purposes.map((x) => t(`purpose.${x}`)).join(', ') || '—' },
    { key: 'connection', header: t('printers.columns.connection'), render: (p) => (p.transport.kind === 'tcp' ? <span className="mono">{connectionOf(p)}</span> : <>{t(`transport.${p.transport.kind}`)} · <span className="mono">{connectionOf(p)}</span></>) },
    { key: 'format', header: t('printers.columns.format'), render: (p) => `${p.language.toUpperCase()} · ${t(`media.${p.media}`)} · ${p.dpi}` },
    { key: 'status', header: t('printers.columns.status'), render: (p) => (states[p.id] ? <Tag tone={states[p.id].tone}>{t(`state.${states[p.id].state}`)}</Tag> : '—') },
    {
      key: 'actions', header: t('printers.columns.actions'), width: '250px',
      render: (p) => (
        <span className="print-actions">
          <Button size="sm" aria-label={t('printers.testFor', { name: p.name })} onClick={() => void testPrint(p)} busy={test.pending}>{t('printers.test')}</Button>
          <Button size="sm" variant="ghost" aria-label={t('printers.checkFor', { name: p.name })} onClick={() => void check(p)}>{t('printers.check')}</Button>
          {canEdit ? <Button size="sm" variant="ghost" aria-label={t('printers.editFor', { name: p.name })} onClick={() => setEditing(p)}>{t('printers.edit')}</Button> : null}
        </span>
      ),
    },
  ];

  return (
    <div className="printers-tab">
      <Section title={t('printers.title')} actions={canEdit ? <Button size="sm" variant="primary" onClick={() => setEditing('new')}>{t('printers.add')}</Button> : null}>
        <ErrorBanner error={list.error ?? test.error} />
        <DataTable label={t('printers.tableLabel')} columns={columns} rows={list.data ?? []} rowKey={(p) => p.id} empty={t('printers.empty')}
          onOpen={canEdit ? (p) => setEditing(p) : undefined} rowLabel={(p) => p.name} />
        <p className="printers-note">{t('printers.osNote')}</p>
      </Section>
      <PrintQueuePanel />
      {editing !== null ? <PrinterFormDialog station={station.name} printer={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
