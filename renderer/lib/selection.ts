// Multi-selection of list rows by id, with a range anchor: Space / click toggles one row and moves
// the anchor; Shift+Space / Shift+click adds every row between the anchor and the current one.
// Pure functions so the list's behaviour is unit-tested without a DOM.

export interface Selection {
  readonly ids: ReadonlySet<number>;
  /** Row index of the last toggled row; ranges start here. */
  readonly anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggleRow(sel: Selection, id: number, index: number): Selection {
  const ids = new Set(sel.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index };
}

/**
 * Selects rows from the anchor to `index` (inclusive, either direction). `idAt` returns the id of a
 * row, or undefined when that row is not loaded yet (such rows are skipped). Without an anchor it
 * behaves like a toggle of the one row.
 */
export function selectRange(sel: Selection, index: number, idAt: (i: number) => number | undefined): Selection {
  if (sel.anchor === null) {
    const id = idAt(index);
    return id === undefined ? sel : toggleRow(sel, id, index);
  }
  const ids = new Set(sel.ids);
  const [lo, hi] = sel.anchor <= index ? [sel.anchor, index] : [index, sel.anchor];
  for (let i = lo; i <= hi; i++) {
    const id = idAt(i);
    if (id !== undefined) ids.add(id);
  }
  return { ids, anchor: index };
}

export function selectAll(ids: readonly number[]): Selection {
  return { ids: new Set(ids), anchor: null };
}

/** True when every one of `ids` is selected (and there is at least one). */
export function allSelected(sel: Selection, ids: readonly number[]): boolean {
  return ids.length > 0 && ids.every((id) => sel.ids.has(id));
}

/** Keeps only ids still present, e.g. after a filter change removed some rows. */
export function retain(sel: Selection, present: ReadonlySet<number>): Selection {
  const ids = new Set([...sel.ids].filter((id) => present.has(id)));
  return ids.size === sel.ids.size ? sel : { ids, anchor: sel.anchor };
}
