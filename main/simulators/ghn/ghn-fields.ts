// Field readers with GHN's typing: its API is written in Go, so a JSON string where an int is
// expected (or a number where a string is expected, e.g. WardCode) fails to decode instead of being
// coerced. Each reader returns the value or an error message in Go's wording.

export type Field<T> = { ok: true; value: T } | { ok: false; message: string };

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);

const decodeError = (field: string, value: unknown, goType: string): Field<never> => ({
  ok: false,
  message: `json: cannot unmarshal ${jsonType(value)} into Go struct field ${field} of type ${goType}`,
});

/** An integer; `undefined`/`null` gives `fallback` (or an error when there is none). */
export function intField(body: Record<string, unknown>, field: string, fallback?: number): Field<number> {
  const v = body[field];
  if (v === undefined || v === null) {
    return fallback === undefined ? { ok: false, message: `Thiếu trường bắt buộc: ${field}` } : { ok: true, value: fallback };
  }
  if (typeof v !== 'number') return decodeError(field, v, 'int');
  if (!Number.isInteger(v)) return { ok: false, message: `json: cannot unmarshal number ${v} into Go struct field ${field} of type int` };
  return { ok: true, value: v };
}

export function optionalInt(body: Record<string, unknown>, field: string): Field<number | undefined> {
  if (body[field] === undefined || body[field] === null) return { ok: true, value: undefined };
  return intField(body, field);
}

export function stringField(body: Record<string, unknown>, field: string, required: boolean): Field<string> {
  const v = body[field];
  if (v === undefined || v === null) return required ? { ok: false, message: `Thiếu trường bắt buộc: ${field}` } : { ok: true, value: '' };
  if (typeof v !== 'string') return decodeError(field, v, 'string');
  if (required && v.trim() === '') return { ok: false, message: `Trường ${field} không được để trống` };
  return { ok: true, value: v };
}

export function stringArrayField(body: Record<string, unknown>, field: string): Field<string[]> {
  const v = body[field];
  if (!Array.isArray(v) || v.length === 0) return { ok: false, message: `Thiếu trường bắt buộc: ${field}` };
  if (v.some((x) => typeof x !== 'string')) return decodeError(field, v, '[]string');
  return { ok: true, value: v as string[] };
}

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export const charLength = (s: string) => [...s].length;

/** Query-string ints (master data over GET): digits only. */
export function queryInt(text: string | null | undefined): number | undefined {
  return text !== null && text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}
