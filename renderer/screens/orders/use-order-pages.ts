import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderSummary } from '../../../main/api/orders.js';
import { call, onEvents } from '../../lib/api.js';
import type { OrderSort } from '../../state/orders-view.js';
import type { OrderFilterInput } from './order-filter.js';

export const PAGE_SIZE = 200;

export interface OrderPages {
  /** The row at an index, or undefined while its page is loading. */
  rowAt: (index: number) => OrderSummary | undefined;
  /** Loads the pages that cover [start, end] (the virtualiser's visible range). */
  ensure: (start: number, end: number) => void;
  /** Loads rows [0, n) and returns them (for "select all"). */
  loadFirst: (n: number) => Promise<OrderSummary[]>;
  /** The number of any order this list has loaded (for the bulk results), else "#id". */
  numberOf: (id: number) => string;
  /** Bumps on every page arrival so the list re-renders. */
  version: number;
}

/**
 * Offset-paged rows for a virtualised list of up to ~100,000 orders: only the pages in view are
 * fetched, 200 rows at a time. A new filter starts a new generation, so late answers for the old
 * filter are dropped. When the core reports changed orders, the pages in view are re-fetched
 * while the old rows stay on screen.
 */
export function useOrderPages(filter: OrderFilterInput, sort: OrderSort): OrderPages {
  const key = JSON.stringify([filter, sort]);
  const pages = useRef(new Map<number, OrderSummary[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const lastRange = useRef<[number, number]>([0, 0]);
  const numbers = useRef(new Map<number, string>());
  const [version, setVersion] = useState(0);
  const args = useRef({ filter, sort });
  args.current = { filter, sort };

  const fetchPage = useCallback((page: number) => {
    if (inFlight.current.has(page)) return;
    inFlight.current.add(page);
    const gen = generation.current;
    const { filter: f, sort: s } = args.current;
    call('orders.list', { ...f, sort: s, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
      .then((res) => {
        if (gen !== generation.current) return;
        pages.current.set(page, res.items);
        for (const o of res.items) numbers.current.set(o.id, o.number);
        setVersion((v) => v + 1);
      })
      .catch(() => undefined)
      .finally(() => {
        if (gen === generation.current) inFlight.current.delete(page);
      });
  }, []);

  const ensure = useCallback(
    (start: number, end: number) => {
      lastRange.current = [start, end];
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end) / PAGE_SIZE); p++) {
        if (!pages.current.has(p)) fetchPage(p);
      }
    },
    [fetchPage],
  );

  // A new filter or sort: forget everything and load what is in view.
  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    inFlight.current = new Set();
    setVersion((v) => v + 1);
    ensure(lastRange.current[0], lastRange.current[1]);
  }, [key, ensure]);

  useEffect(
    () =>
      onEvents(['orders.changed', 'customers.changed'], () => {
        generation.current++;
        inFlight.current = new Set();
        const [start, end] = lastRange.current;
        const keep = new Set<number>();
        for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) keep.add(p);
        // Pages out of view are dropped (they would be stale); pages in view are refreshed in place.
        for (const p of [...pages.current.keys()]) if (!keep.has(p)) pages.current.delete(p);
        for (const p of keep) fetchPage(p);
      }),
    [fetchPage],
  );

  const rowAt = useCallback((i: number) => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE], []);

  const loadFirst = useCallback(async (n: number) => {
    const { filter: f, sort: s } = args.current;
    const out: OrderSummary[] = [];
    for (let offset = 0; offset < n; offset += 500) {
      const res = await call('orders.list', { ...f, sort: s, limit: Math.min(500, n - offset), offset });
      out.push(...res.items);
      for (const o of res.items) numbers.current.set(o.id, o.number);
      if (res.items.length < 500) break;
    }
    return out;
  }, []);

  const numberOf = useCallback((id: number) => numbers.current.get(id) ?? `#${id}`, []);

  return { rowAt, ensure, loadFirst, numberOf, version };
}
