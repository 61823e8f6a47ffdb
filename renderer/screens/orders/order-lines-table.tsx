import { useTranslation } from 'react-i18next';
import type { Order } from '../../../main/api/orders.js';
import { Money } from '../../components/feedback.js';
import { Tag } from '../../components/status-badge.js';
import { formatAttributes, formatNumber } from '../../lib/format.js';

type Line = Order['lines'][number];

// Statuses in which a line should hold stock; outside them "reserved 0" is expected, not a problem.
const WANTS_STOCK = new Set<Order['status']>(['new', 'awaiting_stock', 'ready_to_pack', 'packing', 'packed']);

/** How much of a line is still missing from its warehouse. */
export function shortfall(line: Line): number {
  const missing = line.quantity - line.reservedQty;
  return missing <= 0 ? 0 : Math.max(0, missing - Math.max(0, line.stock.available));
}

function StockCell({ line, status }: { line: Line; status: Order['status'] }) {
  const { t } = useTranslation('orders');
  if (!WANTS_STOCK.has(status)) return <span className="muted num">{formatNumber(line.reservedQty)}/{formatNumber(line.quantity)}</span>;
  const short = shortfall(line);
  const full = line.reservedQty >= line.quantity;
  return (
    <span className="stock-cell">
      <span className="num">{formatNumber(line.reservedQty)}/{formatNumber(line.quantity)}</span>
      {full ? <Tag tone="ok">{t('detail.stockOk')}</Tag> : null}
      {short > 0 ? <Tag tone="danger">{t('detail.stockShort', { count: short })}</Tag> : null}
    </span>
  );
}

/** The order's lines with stock state per line, and the amounts under them. */
export function OrderLinesTable({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const amounts: [string, number, boolean?][] = [
    [t('detail.subtotal'), order.subtotal],
    [t('detail.shippingFee'), order.shippingFee],
    [t('detail.discount'), -order.discount],
    [t('detail.total'), order.total, true],
  ];
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t('detail.lines')}>
        <thead>
          <tr>
            <th>{t('detail.col.sku')}</th>
            <th>{t('detail.col.product')}</th>
            <th className="right">{t('detail.col.quantity')}</th>
            <th className="right">{t('detail.col.unitPrice')}</th>
            <th className="right">{t('detail.col.lineTotal')}</th>
            <th>{t('detail.col.reserved')}</th>
            <th className="right">{t('detail.col.available')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.id} className={shortfall(l) > 0 && WANTS_STOCK.has(order.status) ? 'is-short' : undefined}>
              <td className="mono">{l.sku}</td>
              <td>
                <div>{l.name}</div>
                {l.attributes.length ? <div className="muted small">{formatAttributes(l.attributes)}</div> : null}
              </td>
              <td className="right num">{formatNumber(l.quantity)}</td>
              <td className="right"><Money value={l.unitPrice} /></td>
              <td className="right"><Money value={l.unitPrice * l.quantity} /></td>
              <td><StockCell line={l} status={order.status} /></td>
              <td className={`right num ${l.stock.available <= 0 ? 'text-danger' : ''}`}>{formatNumber(l.stock.available)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {amounts.map(([label, value, strong]) => (
            <tr key={label} className={strong ? 'total-row' : 'amount-row'}>
              <td colSpan={4} className="right muted">{label}</td>
              <td className="right"><Money value={value} strong={strong} /></td>
              <td colSpan={2} />
            </tr>
          ))}
        </tfoot>
      </table>
    </div>
  );
}
