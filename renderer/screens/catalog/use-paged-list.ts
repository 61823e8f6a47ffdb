import { useCallback, useEffect, useRef, useState } from 'react';
import { onEvents, toApiError, type ApiError } from '../../lib/api.js';

export interface PagedList<T> {
  /** Total rows for the current filter; undefined until the first page answered. */
  total: number | undefined;
  /** The row at an index, or undefined while its page is on its way. */
  rowAt: (index: number) => T | undefined;
  /** Asks for the pages covering rows [start, end] (the virtualiser's visible range). */
  ensure: (start: number, end: number) => void;
  error: ApiError | undefined;
  /** Changes whenever a page arrives, so the list re-renders. */
  version: number;
}

/**
 * Rows of a long offset-paged list, fetched a page at a time as the user scrolls. `key` names the
 * filter: a new key drops every page and starts over, and answers for an older key are ignored.
 * When one of `events` arrives, the pages in view are fetched again while their rows stay shown.
 */
export function usePagedList<T>(
  key: string,
  fetchPage: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
  events: readonly string[],
  pageSize = 100,
): PagedList<T> {
  const pages = useRef(new Map<number, T[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const range = useRef<[number, number]>([0, 0]);
  const fetcher = useRef(fetchPage);
  fetcher.current = fetchPage;
  const [total, setTotal] = useState<number>();
  const [error, setError] = useState<ApiError>();
  const [version, setVersion] = useState(0);

  const load = useCallback(
    (page: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      fetcher.current(page * pageSize, pageSize).then(
        (res) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          pages.current.set(page, res.items);
          setTotal(res.total);
          setError(undefined);
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          loading.current.delete(page);
          setError(toApiError(err));
        },
      );
    },
    [pageSize],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      range.current = [start, end];
      for (let p = Math.floor(start / pageSize); p <= Math.floor(Math.max(start, end) / pageSize); p++) {
        if (!pages.current.has(p)) load(p);
      }
    },
    [load, pageSize],
  );

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    range.current = [0, 0];
    setTotal(undefined);
    load(0);
  }, [key, load]);

  const eventKey = events.join(' ');
  useEffect(
    () =>
      onEvents(eventKey.split(' '), () => {
        // Newer data supersedes answers still on their way; only the pages in view are worth refreshing.
        generation.current++;
        loading.current = new Set();
        const [start, end] = range.current;
        const first = Math.floor(start / pageSize);
        const last = Math.floor(end / pageSize);
        for (const p of [...pages.current.keys()]) if (p < first || p > last) pages.current.delete(p);
        for (let p = first; p <= last; p++) load(p);
      }),
    [eventKey, load, pageSize],
  );

  const rowAt = useCallback((i: number) => pages.current.get(Math.floor(i / pageSize))?.[i % pageSize], [pageSize]);
  return { total, rowAt, ensure, error, version };
}
