// Pure reservation planning: an order is reserved whole or not at all, so stock is never locked
// by an order that cannot ship, and waiting orders are promoted oldest first as stock arrives.

export interface NeedLine {
  variantId: number;
  quantity: number;
}

/** Units needed per variant; two lines of the same variant add up. */
export function needsByVariant(lines: NeedLine[]): Map<number, number> {
  const needs = new Map<number, number>();
  for (const l of lines) needs.set(l.variantId, (needs.get(l.variantId) ?? 0) + l.quantity);
  return needs;
}

export interface Shortage {
  variantId: number;
  needed: number;
  available: number;
}

/** Lines that cannot be covered by what is available now; empty means the whole order fits. */
export function shortages(lines: NeedLine[], availableOf: (variantId: number) => number, allowNegative = false): Shortage[] {
  if (allowNegative) return [];
  const out: Shortage[] = [];
  for (const [variantId, needed] of needsByVariant(lines)) {
    const available = availableOf(variantId);
    if (available < needed) out.push({ variantId, needed, available });
  }
  return out;
}
