// Selection state of the create screen: which candidate orders are ticked, with Shift ranges from
// lib/selection, plus adding an order by a scanned number.
import { useMemo, useState } from 'react';
import type { PickCandidate } from '../../../main/api/picking.js';
import { EMPTY_SELECTION, retain, selectAll, selectRange, toggleRow, type Selection } from '../../lib/selection.js';

export type ScanOutcome = { kind: 'added' | 'already'; number: string } | { kind: 'held'; number: string; code: string } | { kind: 'unknown' };

export function useCandidateSelection(rows: readonly PickCandidate[], initial: readonly number[]) {
  const [selection, setSelection] = useState<Selection>(() => ({ ids: new Set(initial), anchor: null }));
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const idAt = (i: number) => rows[i]?.id;
  // Rows that left the filter stay selected: an order scanned in under another channel still counts.
  const selectedIds = [...selection.ids];
  return {
    selection,
    selectedIds,
    click(row: PickCandidate, shift: boolean) {
      const index = indexOf.get(row.id) ?? 0;
      setSelection((s) => (shift ? selectRange(s, index, idAt) : toggleRow(s, row.id, index)));
    },
    selectAllFiltered() {
      setSelection((s) => ({ ids: new Set([...s.ids, ...selectAll(rows.filter((r) => !r.pickListCode).map((r) => r.id)).ids]), anchor: null }));
    },
    clear() {
      setSelection(EMPTY_SELECTION);
    },
    keepOnly(present: ReadonlySet<number>) {
      setSelection((s) => retain(s, present));
    },
    /** Adds the candidate whose number was scanned (case and spaces ignored). */
    scan(code: string): ScanOutcome {
      const wanted = code.trim().toUpperCase();
      const row = rows.find((r) => r.number.toUpperCase() === wanted);
      if (!row) return { kind: 'unknown' };
      if (row.pickListCode) return { kind: 'held', number: row.number, code: row.pickListCode };
      if (selection.ids.has(row.id)) return { kind: 'already', number: row.number };
      setSelection((s) => ({ ids: new Set([...s.ids, row.id]), anchor: indexOf.get(row.id) ?? null }));
      return { kind: 'added', number: row.number };
    },
  };
}
