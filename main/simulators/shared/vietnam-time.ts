// Vietnam has no daylight saving, so UTC+7 is a fixed offset; formatting by hand avoids depending
// on the machine's ICU data or time zone.

const VN_OFFSET_MS = 7 * 3600_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "dd/MM/yyyy HH:mm:ss" in Vietnam time, without a zone: the form Viettel Post uses. */
export function formatVnDateTime(epochMs: number): string {
  const d = new Date(epochMs + VN_OFFSET_MS);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Parses "dd/MM/yyyy HH:mm:ss" (Vietnam time) strictly; undefined when the text is not exactly that. */
export function parseVnDateTime(text: string): number | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [day, month, year, hour, minute, second] = m.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls 31/02 over into March; refuse instead of accepting a date nobody wrote.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  return utc - VN_OFFSET_MS;
}

/** ISO-8601 with the Vietnam offset, e.g. "2025-07-03T23:59:59+07:00". */
export function isoVn(epochMs: number): string {
  const d = new Date(epochMs + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}

/** End of the Vietnam calendar day `days` days after `epochMs` (what carriers quote as a delivery date). */
export function endOfVnDay(epochMs: number, days: number): number {
  const local = new Date(epochMs + VN_OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 23, 59, 59);
  return end - VN_OFFSET_MS;
}
