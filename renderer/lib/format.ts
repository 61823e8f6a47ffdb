// Display formatting. Money is integer đồng; timestamps are UTC milliseconds shown in Vietnam's
// time zone whatever the machine is set to (a station abroad or a CI box in UTC must still show
// the seller's day).

export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam has had no daylight saving since 1975, so the offset is a constant. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Groups digits with dots, the Vietnamese way: 1234567 → "1.234.567". */
export function formatNumber(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(n)).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234567 → "1.234.567 ₫". Written by hand because Intl's output differs between ICU builds. */
export function formatVnd(n: number): string {
  return `${formatNumber(n)} ₫`;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface VnParts { year: string; month: string; day: string; hour: string; minute: string; second: string }

function vnParts(ms: number): VnParts {
  const out: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out as unknown as VnParts;
}

/** "28/11/2025" — day first in both languages: the app's users all live with Vietnamese dates. */
export function formatDate(ms: number): string {
  const p = vnParts(ms);
  return `${p.day}/${p.month}/${p.year}`;
}

/** "28/11/2025 14:05" */
export function formatDateTime(ms: number): string {
  const p = vnParts(ms);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "14:05:09" */
export function formatTime(ms: number): string {
  const p = vnParts(ms);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The Vietnamese calendar day of a timestamp as an `<input type="date">` value ("2025-11-28"). */
export function toVnDateInput(ms: number): string {
  const p = vnParts(ms);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The UTC millisecond range of a Vietnamese calendar day given as "YYYY-MM-DD": `start` is its
 * first millisecond, `end` its last. Returns null for anything that is not such a date.
 */
export function vnDayRange(date: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - VN_OFFSET_MS;
  if (Number.isNaN(start)) return null;
  return { start, end: start + 24 * 60 * 60 * 1000 - 1 };
}

/** "0912345678" → "0912 345 678"; "+84912345678" → "+84 912 345 678"; anything else unchanged. */
export function formatPhone(phone: string): string {
  const compact = phone.replace(/[\s.-]/g, '');
  let m = /^0(\d{3})(\d{3})(\d{3})$/.exec(compact);
  if (m) return `0${m[1]} ${m[2]} ${m[3]}`;
  m = /^\+84(\d{3})(\d{3})(\d{3})$/.exec(compact);
  if (m) return `+84 ${m[1]} ${m[2]} ${m[3]}`;
  return phone;
}

/** Variant attributes as one short line: "Màu: Đỏ · Size: M". */
export function formatAttributes(attrs: readonly { name: string; value: string }[]): string {
  return attrs.map((a) => `${a.name}: ${a.value}`).join(' · ');
}

/**
 * Reads a day typed the Vietnamese way — "28/11/2025", "28-11-25", "28.11" (this year) — into
 * "YYYY-MM-DD". Returns null when it is not a real calendar day. `thisYear` fills a missing year.
 */
export function parseVnDate(text: string, thisYear: number): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3] === undefined ? thisYear : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2025-11-28" → "28/11/2025"; anything else unchanged. */
export function isoDayToVn(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
