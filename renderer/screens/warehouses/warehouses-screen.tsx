import '../catalog/extras.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { CheckboxField } from '../../components/field.js';
import { PageHeader, Toolbar } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useShortcut } from '../../app/shortcuts.js';
import { formatNumber, formatPhone } from '../../lib/format.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { RowActions } from '../catalog/row-actions.js';
import { BinsDialog } from './bins-dialog.js';
import { useWarehouses, type Warehouse } from './use-warehouses.js';
import { WarehouseDialog } from './warehouse-dialog.js';

type Open = { kind: 'edit'; warehouse: Warehouse | null } | { kind: 'bins'; warehouse: Warehouse } | null;

export function WarehousesScreen() {
  const { t } = useTranslation('warehouses');
  const canEdit = hasRole('manager', useOperator()?.role);
  const [showInactive, setShowInactive] = useState(false);
  const list = useWarehouses(showInactive);
  const [open, setOpen] = useState<Open>(null);

  useShortcut('N', () => setOpen({ kind: 'edit', warehouse: null }), { enabled: canEdit && open === null });

  const columns: Column<Warehouse>[] = [
    { key: 'code', header: t('field.code'), width: '7rem', render: (w) => <span className="mono strong">{w.code}</span> },
    { key: 'name', header: t('field.name'), render: (w) => <span className="nowrap">{w.name}</span> },
    { key: 'type', header: t('field.type'), width: '8rem', render: (w) => t(`type.${w.type}`) },
    { key: 'address', header: t('field.address'), render: (w) => <span className="muted clamp">{w.address || '—'}</span> },
    {
      key: 'contact',
      header: t('column.contact'),
      render: (w) => (w.contactName || w.contactPhone ? <span className="nowrap">{w.contactName}{w.contactPhone ? <span className="muted nowrap"> · {formatPhone(w.contactPhone)}</span> : null}</span> : '—'),
    },
    { key: 'status', header: t('column.status'), width: '9rem', render: (w) => <StatusTags warehouse={w} /> },
    {
      key: 'bins',
      header: t('column.bins'),
      align: 'right',
      width: '9rem',
      render: (w) => (
        <RowActions>
          <Button size="sm" variant="ghost" aria-label={t('bins.openNamed', { code: w.code, count: w.binCount })} onClick={() => setOpen({ kind: 'bins', warehouse: w })}>
            <span className="num">{formatNumber(w.binCount)}</span> {t('bins.short')}
          </Button>
        </RowActions>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'edit',
      header: '',
      align: 'right',
      width: '5rem',
      render: (w) => (
        <RowActions>
          <Button size="sm" variant="ghost" aria-label={t('editNamed', { code: w.code })} onClick={() => setOpen({ kind: 'edit', warehouse: w })}>
            {t('common:actions.edit')}
          </Button>
        </RowActions>
      ),
    });
  }

  return (
    <div className="screen">
      <PageHeader
        title={t('title')}
        subtitle={list.data ? t('count', { count: list.data.length }) : undefined}
        actions={canEdit ? <Button variant="primary" shortcut="N" onClick={() => setOpen({ kind: 'edit', warehouse: null })}>{t('new')}</Button> : null}
      >
        <Toolbar label={t('filters')}>
          <CheckboxField label={t('showInactive')} checked={showInactive} onChange={setShowInactive} />
        </Toolbar>
      </PageHeader>
      <ErrorBanner error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <DataTable
          label={t('tableLabel')}
          columns={columns}
          rows={list.data}
          rowKey={(w) => w.id}
          rowLabel={(w) => `${w.code} ${w.name}`}
          onOpen={(w) => setOpen(canEdit ? { kind: 'edit', warehouse: w } : { kind: 'bins', warehouse: w })}
          empty={<EmptyState title={t('empty')}>{canEdit ? t('emptyHint') : null}</EmptyState>}
        />
      ) : null}
      {open?.kind === 'edit' ? <WarehouseDialog warehouse={open.warehouse} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'bins' ? <BinsDialog warehouse={open.warehouse} canEdit={canEdit} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

function StatusTags({ warehouse }: { warehouse: Warehouse }) {
  const { t } = useTranslation('warehouses');
  return (
    <span className="tags">
      {warehouse.active ? <Tag tone="ok">{t('active')}</Tag> : <Tag>{t('inactive')}</Tag>}
      {warehouse.allowNegative ? <Tag tone="warn">{t('negativeAllowed')}</Tag> : null}
    </span>
  );
}
