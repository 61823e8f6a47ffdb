// Tolerant readers for carrier JSON: numbers arrive as numbers, numeric strings or (from the lossless
// parser) strings when huge; ids must stay text (GHN WardCode "030712" keeps its leading zero).

export type Json = Record<string, unknown>;

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Text of an id or label; numbers become their decimal string; null/undefined/objects → ''. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return '';
}

/** An integer amount/quantity; '1.250.000', '1,250,000' and '1 250 000' (thousand separators) read as 1250000; unreadable → fallback. */
export function int(v: unknown, fallback = 0): number {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v);
  if (typeof v === 'string' && v.trim()) {
    const t = v.trim();
    // Groups of three after a dot or comma are thousands ("480.000" in Vietnamese, "480,000" in English):
    // VND has no decimals, so this reading wins over "480.000 = 480".
    if (/^-?\d{1,3}([.,\s]\d{3})+$/.test(t)) return Number(t.replace(/[.,\s]/g, ''));
    if (/^-?\d+(\.\d+)?$/.test(t)) return Math.round(Number(t));
  }
  return fallback;
}

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
