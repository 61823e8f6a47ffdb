import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { binCode } from '../../../main/api/warehouses.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { TextField } from '../../components/field.js';
import { useAction, useCommand, type Output } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { formatNumber } from '../../lib/format.js';
import { RowActions } from '../catalog/row-actions.js';
import type { Warehouse } from './use-warehouses.js';

type Bin = Output<'warehouses.bins'>[number];

/** Bin locations of one warehouse: free-form codes such as A-03-2, with how many variants sit there. */
export function BinsDialog({ warehouse, canEdit, onClose }: { warehouse: Warehouse; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation('warehouses');
  const bins = useCommand('warehouses.bins', { warehouseId: warehouse.id });
  const add = useAction('warehouses.addBin');
  const remove = useAction('warehouses.removeBin');
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const clientError = useMemo(() => {
    if (code.trim() === '') return undefined;
    const clash = bins.data?.some((b) => b.code.toUpperCase() === code.trim().toUpperCase());
    return validate(t, binCode, code)[''] ?? (clash ? t('errors:codes.CODE_TAKEN', { value: code.trim() }) : undefined);
  }, [t, code, bins.data]);
  const serverError = useMemo(() => apiFieldErrors(t, add.error).code, [t, add.error]);

  const submit = async () => {
    setTried(true);
    if (code.trim() === '' || clientError || add.pending) return;
    if (await add.run({ warehouseId: warehouse.id, code: code.trim() })) {
      setCode('');
      setTried(false);
      bins.reload();
      input.current?.focus();
    }
  };

  const columns: Column<Bin>[] = [
    { key: 'code', header: t('bins.code'), render: (b) => <span className="mono">{b.code}</span> },
    { key: 'variants', header: t('bins.variantCount'), align: 'right', width: '8rem', render: (b) => <span className="num">{formatNumber(b.variantCount)}</span> },
  ];
  if (canEdit) {
    columns.push({
      key: 'remove',
      header: '',
      align: 'right',
      width: '6rem',
      render: (b) => (
        <RowActions>
          <Button
            size="sm"
            variant="ghost"
            disabled={b.variantCount > 0 || remove.pending}
            title={b.variantCount > 0 ? t('bins.inUse') : undefined}
            aria-label={t('bins.removeNamed', { code: b.code })}
            onClick={async () => {
              if (await remove.run({ warehouseId: warehouse.id, code: b.code })) bins.reload();
            }}
          >
            {t('common:actions.remove')}
          </Button>
        </RowActions>
      ),
    });
  }

  return (
    <Dialog
      open
      size="md"
      onClose={onClose}
      title={t('bins.title', { code: warehouse.code })}
      footer={<Button onClick={onClose} shortcut="Esc">{t('common:actions.close')}</Button>}
    >
      {canEdit ? (
        <div className="inline-form">
          <TextField
            ref={input}
            label={t('bins.newCode')}
            autoFocus
            placeholder="A-03-2"
            maxLength={30}
            value={code}
            onChange={(v) => {
              setCode(v.toUpperCase());
              add.reset();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void submit();
              }
            }}
            hint={t('bins.hint')}
            error={(tried || code !== '' ? clientError : undefined) ?? serverError}
          />
          <Button variant="primary" busy={add.pending} onClick={() => void submit()} shortcut="Enter">{t('bins.add')}</Button>
        </div>
      ) : null}
      <ErrorBanner error={remove.error ?? (serverError ? undefined : add.error)} />
      {bins.loading && !bins.data ? <Loading /> : null}
      <ErrorBanner error={bins.error} />
      {bins.data ? (
        <DataTable
          label={t('bins.tableLabel', { code: warehouse.code })}
          columns={columns}
          rows={bins.data}
          rowKey={(b) => b.code}
          rowLabel={(b) => b.code}
          empty={<EmptyState title={t('bins.empty')} />}
        />
      ) : null}
    </Dialog>
  );
}
