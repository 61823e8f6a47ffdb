import '../catalog/extras.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_KINDS } from '../../../main/api/common.js';
import { Button } from '../../components/button.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { DateField } from '../../components/date-field.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { SelectField, TextField } from '../../components/field.js';
import { PageHeader, Toolbar } from '../../components/layout.js';
import { useCommand, type Input, type Output } from '../../lib/api.js';
import { formatDateTime, formatNumber, vnDayRange } from '../../lib/format.js';
import { href, useLocation } from '../../lib/router.js';
import { WarehouseSelect } from '../warehouses/warehouse-select.js';
import { useWarehouses } from '../warehouses/use-warehouses.js';
import { Pager } from './pager.js';
import { useDebounced } from './use-debounced.js';
import { VariantFilter, type ChosenVariant } from './variant-filter.js';

type Movement = Output<'inventory.movements'>['items'][number];
type Kind = (typeof MOVEMENT_KINDS)[number];

const PAGE = 100;

/** The stock ledger, newest first: every receipt, reservation, shipment and correction, and who did it. */
export function MovementsScreen() {
  const { t } = useTranslation('inventory');
  const { query: url } = useLocation();
  const warehouses = useWarehouses(true);
  const [warehouseId, setWarehouseId] = useState<number | null>(Number(url.get('warehouse')) || null);
  const [variant, setVariant] = useState<ChosenVariant | null>(() => {
    const id = Number(url.get('variant'));
    return id ? { variantId: id, sku: url.get('sku') ?? `#${id}` } : null;
  });
  const [kind, setKind] = useState<Kind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [offset, setOffset] = useState(0);
  const orderQuery = useDebounced(orderNumber.trim());
  const order = useCommand('orders.findByNumber', orderQuery === '' ? null : { number: orderQuery });
  const filter = <T,>(setter: (v: T) => void) => (v: T) => {
    setter(v);
    setOffset(0);
  };

  const fromRange = vnDayRange(from);
  const toRange = vnDayRange(to);
  const orderUnknown = orderQuery !== '' && !order.loading && order.data === null;
  const input: Input<'inventory.movements'> = {
    ...(warehouseId ? { warehouseId } : {}),
    ...(variant ? { variantId: variant.variantId } : {}),
    ...(kind ? { kind } : {}),
    ...(fromRange ? { from: fromRange.start } : {}),
    // The core's `to` is exclusive; the picked day is included up to its last millisecond.
    ...(toRange ? { to: toRange.end + 1 } : {}),
    ...(order.data ? { orderId: order.data.id } : {}),
    limit: PAGE,
    offset,
  };
  // While an order number is being resolved, or names no order, there is nothing to ask for.
  const waitingForOrder = orderQuery !== '' && (order.loading || orderQuery !== orderNumber.trim());
  const movements = useCommand('inventory.movements', waitingForOrder || orderUnknown ? null : input);
  const hasFilter = Boolean(warehouseId || variant || kind || from || to || orderQuery);

  const clear = () => {
    setWarehouseId(null);
    setVariant(null);
    setKind('');
    setFrom('');
    setTo('');
    setOrderNumber('');
    setOffset(0);
  };

  const delta = (n: number) => (n === 0 ? <span className="faint">0</span> : <span className={`num ${n > 0 ? 'delta-plus' : 'delta-minus'}`}>{n > 0 ? '+' : '−'}{formatNumber(Math.abs(n))}</span>);
  const columns: Column<Movement>[] = [
    { key: 'at', header: t('column.time'), width: '9.5rem', render: (m) => <span className="num nowrap">{formatDateTime(m.createdAt)}</span> },
    { key: 'warehouse', header: t('column.warehouse'), width: '5rem', render: (m) => <span className="mono">{m.warehouseCode}</span> },
    { key: 'sku', header: t('column.sku'), width: '10rem', render: (m) => <span className="mono">{m.sku}</span> },
    { key: 'product', header: t('column.product'), render: (m) => <span className="clamp">{m.productName}</span> },
    { key: 'kind', header: t('column.kind'), width: '8rem', render: (m) => t(`kind.${m.kind}`) },
    { key: 'onHand', header: t('column.onHandDelta'), align: 'right', width: '6rem', render: (m) => delta(m.onHandDelta) },
    { key: 'reserved', header: t('column.reservedDelta'), align: 'right', width: '6rem', render: (m) => delta(m.reservedDelta) },
    { key: 'order', header: t('column.order'), width: '8rem', render: (m) => (m.orderId ? <a className="mono" href={href(`/orders/${m.orderId}`)}>{m.orderNumber ?? `#${m.orderId}`}</a> : '') },
    { key: 'reason', header: t('column.reason'), render: (m) => <span className="muted clamp" title={m.reason}>{m.reason}</span> },
    { key: 'operator', header: t('column.operator'), width: '10rem', render: (m) => m.operatorName ?? <span className="faint">{t('system')}</span> },
  ];

  const kindOptions = [{ value: '' as const, label: t('allKinds') }, ...MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))];
  return (
    <div className="screen">
      <PageHeader title={t('movements.title')} subtitle={movements.data ? t('movements.count', { count: movements.data.total }) : undefined}>
        <Toolbar label={t('filters')}>
          <WarehouseSelect className="w-sm" label={t('warehouse')} allLabel={t('allWarehouses')} warehouses={warehouses.data ?? []} value={warehouseId} onChange={filter(setWarehouseId)} />
          <VariantFilter value={variant} onChange={filter(setVariant)} />
          <SelectField className="w-sm" label={t('column.kind')} value={kind} onChange={filter(setKind)} options={kindOptions} />
          <DateField className="w-date" label={t('from')} value={from} onChange={filter(setFrom)} />
          <DateField className="w-date" label={t('to')} value={to} onChange={filter(setTo)} />
          <TextField
            className="w-sm"
            label={t('column.order')}
            placeholder={t('orderPlaceholder')}
            value={orderNumber}
            onChange={filter(setOrderNumber)}
            error={orderUnknown ? t('orderUnknown') : undefined}
          />
          {hasFilter ? <Button className="toolbar-clear" variant="ghost" onClick={clear}>{t('common:actions.clear')}</Button> : null}
        </Toolbar>
      </PageHeader>
      <ErrorBanner error={movements.error ?? order.error} />
      {movements.loading && !movements.data ? <Loading /> : null}
      {movements.data ? (
        <>
          <DataTable
            label={t('movements.tableLabel')}
            columns={columns}
            rows={orderUnknown ? [] : movements.data.items}
            rowKey={(m) => m.id}
            rowLabel={(m) => `${formatDateTime(m.createdAt)} ${m.sku} ${t(`kind.${m.kind}`)}`}
            empty={<EmptyState title={hasFilter ? t('movements.noMatch') : t('movements.empty')} />}
          />
          <Pager label={t('pager.label')} offset={offset} limit={PAGE} total={orderUnknown ? 0 : movements.data.total} onOffset={setOffset} />
        </>
      ) : null}
    </div>
  );
}
