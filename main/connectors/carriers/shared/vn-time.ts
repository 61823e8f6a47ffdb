// Vietnam time without a zone, as carriers write it. Asia/Ho_Chi_Minh has been UTC+7 all year since 1975
// (no daylight saving), so a fixed offset is exact for every date a shipment can carry.
const VN_OFFSET_MS = 7 * 3600_000;

const VN_DATE_TIME = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;

/** "dd/MM/yyyy HH:mm:ss" (seconds or the whole time optional) in Vietnam time → ms UTC; null when not that shape or not a real date. */
export function parseVnDateTime(text: string): number | null {
  const m = VN_DATE_TIME.exec(text);
  if (!m) return null;
  const [day, month, year, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 31/02 over into March; a carrier date that does so is garbage, not a date.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return utc - VN_OFFSET_MS;
}

/** ms UTC → "dd/MM/yyyy HH:mm:ss" in Vietnam time (VTP DELIVERY_DATE). */
export function formatVnDateTime(ms: number): string {
  const d = new Date(ms + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/**
 * ISO-8601 from a carrier → ms UTC. A value without a zone is read as Vietnam time (the carriers' own
 * clock), not as the machine's local time. Also accepts the dd/MM/yyyy form. Null when unreadable.
 */
export function parseCarrierTime(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value < 1e11 ? value * 1000 : value;
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
    const ms = Date.parse(zoned ? text : `${text.replace(' ', 'T')}+07:00`);
    return Number.isNaN(ms) ? null : ms;
  }
  return parseVnDateTime(text);
}
