import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
  /** CSS width, e.g. "8rem" or "20%". */
  width?: string;
}

export interface DataTableProps<T> {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Enter or double-click on a row. */
  onOpen?: (row: T) => void;
  /** Accessible name of a row (read when it gets focus), e.g. the order number. */
  rowLabel?: (row: T) => string;
  empty?: ReactNode;
}

/**
 * A plain table for short lists (up to a few hundred rows) with keyboard row focus: ↑/↓, Home/End
 * move, Enter opens. One row is in the tab order at a time (roving tabindex). For long lists use
 * a virtualised list instead (see screens/orders).
 */
export function DataTable<T>({ label, columns, rows, rowKey, onOpen, rowLabel, empty }: DataTableProps<T>) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (active >= rows.length) setActive(Math.max(0, rows.length - 1));
  }, [rows.length, active]);

  const focusRow = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setActive(next);
    body.current?.querySelectorAll<HTMLTableRowElement>('tr')[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, i: number, row: T) => {
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1, PageDown: i + 10, PageUp: i - 10 };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]);
    } else if (e.key === 'Enter' && onOpen) {
      e.preventDefault();
      onOpen(row);
    }
  };

  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={{ width: c.width, textAlign: c.align }}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, i) => (
            <tr
              key={rowKey(row)}
              tabIndex={i === active ? 0 : -1}
              aria-label={rowLabel?.(row)}
              className={onOpen ? 'is-clickable' : undefined}
              onFocus={() => setActive(i)}
              onKeyDown={(e) => onKeyDown(e, i, row)}
              onDoubleClick={() => onOpen?.(row)}
            >
              {columns.map((c) => (
                <td key={c.key} style={{ textAlign: c.align }}>{c.render(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty ? empty : null}
    </div>
  );
}
