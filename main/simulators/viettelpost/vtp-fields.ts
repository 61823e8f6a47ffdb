// Field readers with VTP's (Java/Jackson) leniency: a numeric string is accepted where a number is
// expected, which GHN would refuse. Strings are measured in UTF-8 bytes, VTP's 150-byte rule.

export const MAX_FIELD_BYTES = 150;

/** An integer from a number or a numeric string; undefined when absent/null/empty, NaN when not a number. */
export function looseInt(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? v : NaN;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v.trim());
  return NaN;
}

/** A number (decimals allowed) from a number or a numeric string. */
export function looseNumber(v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v.trim());
  return NaN;
}

export const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * The first string field (top level, or inside LIST_ITEM / RETURN_ADDRESS) longer than 150 bytes,
 * named as VTP names it; undefined when all fit.
 */
export function firstOversizedField(body: Record<string, unknown>): string | undefined {
  const scan = (obj: Record<string, unknown>, prefix: string): string | undefined => {
    for (const [key, value] of Object.entries(obj)) {
      if (typeof value === 'string' && utf8Bytes(value) > MAX_FIELD_BYTES) return prefix + key;
    }
    return undefined;
  };
  const top = scan(body, '');
  if (top) return top;
  if (Array.isArray(body.LIST_ITEM)) {
    for (const item of body.LIST_ITEM) {
      if (item && typeof item === 'object') {
        const hit = scan(item as Record<string, unknown>, 'LIST_ITEM.');
        if (hit) return hit;
      }
    }
  }
  if (body.RETURN_ADDRESS && typeof body.RETURN_ADDRESS === 'object') return scan(body.RETURN_ADDRESS as Record<string, unknown>, 'RETURN_ADDRESS.');
  return undefined;
}
