// Without a prefix, a scan typed into a focused field is only recognised after its characters
// landed there. Restoring the value each field had before the burst's first key removes them.

export interface FieldSnapshot {
  el: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

export function snapshotField(el: Element | null): FieldSnapshot | null {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return null;
  let selectionStart: number | null = null;
  let selectionEnd: number | null = null;
  try {
    selectionStart = el.selectionStart;
    selectionEnd = el.selectionEnd;
  } catch {
    // type=number/email have no selection API
  }
  return { el, value: el.value, selectionStart, selectionEnd };
}

/** Puts each field back as it was before its first snapshot; React sees the change through `input`. */
export function restoreFields(snapshots: readonly (FieldSnapshot | null | undefined)[]): void {
  const seen = new Set<Element>();
  for (const s of snapshots) {
    if (!s || seen.has(s.el)) continue;
    seen.add(s.el);
    if (s.el.value === s.value) continue;
    // React tracks the value through the prototype's setter; assigning el.value directly would be
    // swallowed by its value tracker and onChange would never fire.
    const proto = s.el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(s.el, s.value);
    s.el.dispatchEvent(new Event('input', { bubbles: true }));
    if (s.selectionStart !== null && s.selectionEnd !== null) {
      try {
        s.el.setSelectionRange(s.selectionStart, s.selectionEnd);
      } catch {
        // fields without a selection API keep the caret where the browser puts it
      }
    }
  }
}
