import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Column } from '../../components/data-table.js';

export interface VirtualGridProps<T> {
  label: string;
  columns: readonly Column<T>[];
  /** Rows in the whole list (not only those loaded). */
  total: number;
  rowAt: (index: number) => T | undefined;
  /** Called with the visible index range so the caller can fetch those rows. */
  ensure: (start: number, end: number) => void;
  onOpen?: (row: T) => void;
  rowLabel: (row: T) => string;
  rowHeight?: number;
  empty?: ReactNode;
}

/**
 * A long list as an ARIA grid of which only the rows in view exist in the DOM. The grid holds the
 * focus and points at the active row (aria-activedescendant): ↑/↓, PageUp/PageDown, Home/End move,
 * Enter or a double-click opens. Columns use the kit's DataTable column shape; `width` entries
 * become the CSS grid template (default: a flexible share).
 */
export function VirtualGrid<T>({ label, columns, total, rowAt, ensure, onOpen, rowLabel, rowHeight = 32, empty }: VirtualGridProps<T>) {
  const id = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const template = columns.map((c) => c.width ?? 'minmax(0, 1fr)').join(' ');

  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [first, last, total, ensure]);
  useEffect(() => {
    if (active >= total) setActive(Math.max(0, total - 1));
  }, [active, total]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(total - 1, to));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + page, PageUp: active - page, Home: 0, End: total - 1 };
    if (e.key in moves) {
      e.preventDefault();
      move(moves[e.key]);
    } else if (e.key === 'Enter' && onOpen) {
      const row = rowAt(active);
      if (row) {
        e.preventDefault();
        onOpen(row);
      }
    }
  };

  const align = (c: Column<T>) => (c.align === 'right' ? 'right' : c.align === 'center' ? 'center' : undefined);
  return (
    <div
      className="vgrid"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      tabIndex={0}
      aria-activedescendant={total > 0 && rowAt(active) ? `${id}-r${active}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="vgrid-row vgrid-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
        {columns.map((c) => <div key={c.key} role="columnheader" className={align(c)}>{c.header}</div>)}
      </div>
      <div ref={scroller} className="vgrid-body">
        {total === 0 ? empty : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((vi) => {
            const row = rowAt(vi.index);
            const style = { transform: `translateY(${vi.start}px)`, height: rowHeight, gridTemplateColumns: template };
            if (!row) {
              return (
                <div key={vi.key} role="row" aria-rowindex={vi.index + 2} className="vgrid-row vgrid-placeholder" style={style}>
                  <div role="gridcell" className="vgrid-skeleton" />
                </div>
              );
            }
            return (
              <div
                key={vi.key}
                id={`${id}-r${vi.index}`}
                role="row"
                aria-rowindex={vi.index + 2}
                aria-label={rowLabel(row)}
                aria-selected={vi.index === active}
                className={`vgrid-row ${vi.index === active ? 'is-active' : ''}`}
                style={style}
                onMouseDown={() => setActive(vi.index)}
                onDoubleClick={() => onOpen?.(row)}
              >
                {columns.map((c) => <div key={c.key} role="gridcell" className={align(c)}>{c.render(row)}</div>)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
