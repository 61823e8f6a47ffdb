import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../main/api/orders.js';
import { Money } from '../../components/feedback.js';
import { StatusBadge } from '../../components/status-badge.js';
import { formatDateTime, formatPhone } from '../../lib/format.js';
import { selectRange, toggleRow, type Selection } from '../../lib/selection.js';
import type { OrderPages } from './use-order-pages.js';

const ROW_HEIGHT = 30;

export interface OrdersTableProps {
  total: number;
  pages: OrderPages;
  selection: Selection;
  onSelection: (next: Selection) => void;
  active: number;
  onActive: (index: number) => void;
  onOpen: (order: OrderSummary) => void;
  onSelectAll: () => void;
  allChecked: boolean;
}

/**
 * The order list as an ARIA grid, virtualised: only the rows in view exist in the DOM, so 100,000
 * orders scroll like 100. The grid itself holds the focus and points at the active row with
 * aria-activedescendant; ↑/↓/PageUp/PageDown/Home/End move, Enter opens, Space selects.
 */
export function OrdersTable({ total, pages, selection, onSelection, active, onActive, onOpen, onSelectAll, allChecked }: OrdersTableProps) {
  const { t } = useTranslation('orders');
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 15 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) pages.ensure(first, last);
  }, [first, last, total, pages]);

  useEffect(() => {
    if (total > 0 && active < total) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, total, virtualizer]);

  const idAt = (i: number) => pages.rowAt(i)?.id;
  const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + pageRows, PageUp: active - pageRows, Home: 0, End: total - 1,
    };
    if (e.key in moves && !e.altKey) {
      e.preventDefault();
      onActive(Math.max(0, Math.min(total - 1, moves[e.key])));
    } else if (e.key === 'Enter') {
      const row = pages.rowAt(active);
      if (row) {
        e.preventDefault();
        onOpen(row);
      }
    } else if (e.key === ' ') {
      e.preventDefault();
      if (e.shiftKey) onSelection(selectRange(selection, active, idAt));
      else {
        const id = idAt(active);
        if (id !== undefined) onSelection(toggleRow(selection, id, active));
      }
    }
  };

  const onCheck = (e: MouseEvent<HTMLInputElement>, row: OrderSummary, index: number) => {
    e.stopPropagation();
    onActive(index);
    onSelection(e.shiftKey ? selectRange(selection, index, idAt) : toggleRow(selection, row.id, index));
  };

  return (
    <div
      ref={grid}
      className="order-grid"
      role="grid"
      aria-label={t('list.gridLabel')}
      aria-rowcount={total + 1}
      aria-multiselectable="true"
      tabIndex={0}
      data-orders-grid
      aria-activedescendant={total > 0 && pages.rowAt(active) ? `order-row-${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="og-row og-head" role="row" aria-rowindex={1}>
        <div role="columnheader" className="og-check">
          <input type="checkbox" className="row-check" tabIndex={-1} aria-label={t('list.selectAll')} checked={allChecked} onChange={onSelectAll} />
        </div>
        <div role="columnheader">{t('list.col.number')}</div>
        <div role="columnheader">{t('list.col.created')}</div>
        <div role="columnheader">{t('list.col.channel')}</div>
        <div role="columnheader">{t('list.col.buyer')}</div>
        <div role="columnheader">{t('list.col.phone')}</div>
        <div role="columnheader" className="right">{t('list.col.items')}</div>
        <div role="columnheader" className="right">{t('list.col.total')}</div>
        <div role="columnheader">{t('list.col.payment')}</div>
        <div role="columnheader">{t('list.col.warehouse')}</div>
        <div role="columnheader">{t('list.col.status')}</div>
      </div>
      <div ref={scroller} className="og-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((vi) => {
            const row = pages.rowAt(vi.index);
            const selected = row ? selection.ids.has(row.id) : false;
            const style = { transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT };
            if (!row) {
              return (
                <div key={vi.key} className="og-row og-placeholder" role="row" aria-rowindex={vi.index + 2} style={style}>
                  <div role="gridcell" className="og-skeleton" />
                </div>
              );
            }
            return (
              <div
                key={vi.key}
                id={`order-row-${vi.index}`}
                role="row"
                aria-rowindex={vi.index + 2}
                aria-selected={selected}
                className={`og-row ${vi.index === active ? 'is-active' : ''} ${selected ? 'is-selected' : ''}`}
                style={style}
                onMouseDown={() => onActive(vi.index)}
                onDoubleClick={() => onOpen(row)}
              >
                <div role="gridcell" className="og-check">
                  <input type="checkbox" className="row-check" tabIndex={-1} aria-label={t('list.selectOrder', { number: row.number })} checked={selected} onClick={(e) => onCheck(e, row, vi.index)} onChange={() => undefined} />
                </div>
                <div role="gridcell" className="og-number">{row.number}</div>
                <div role="gridcell" className="num muted">{formatDateTime(row.createdAt)}</div>
                <div role="gridcell">{t(`common:channels.${row.channel}`)}</div>
                <div role="gridcell" className="og-ellipsis">{row.buyerName}</div>
                <div role="gridcell" className="num">{formatPhone(row.buyerPhone)}</div>
                <div role="gridcell" className="num right">{row.itemCount}</div>
                <div role="gridcell" className="right"><Money value={row.total} /></div>
                <div role="gridcell">{t(`common:payment.${row.paymentMethod}`)}</div>
                <div role="gridcell" className="muted">{row.warehouseCode}</div>
                <div role="gridcell"><StatusBadge status={row.status} /></div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
