// Pure planning of the update_time windows a pull walks (spec §1.4, §1.8, pitfalls §6 "overlap and
// dedupe"): at most 15 days each, every window starting a little before the last one ended, so an
// order updated on a boundary second (inclusive or exclusive, Shopee does not say) is never missed.

export const MAX_SPAN_S = 15 * 86_400;
/** Re-read this much before the watermark (an update committed late on Shopee's side still shows). */
export const OVERLAP_S = 10 * 60;
/** A shop pulled for the first time: how far back to look. */
export const FIRST_LOOKBACK_S = 15 * 86_400;

export interface Window {
  timeFrom: number;
  timeTo: number;
}

export interface WindowOptions {
  overlapS?: number;
  maxSpanS?: number;
  firstLookbackS?: number;
}

/** The next window after `watermark` (the timeTo of the last window walked to its end), up to `nowS`. */
export function nextWindow(watermark: number | null, nowS: number, o: WindowOptions = {}): Window {
  const overlap = o.overlapS ?? OVERLAP_S;
  const span = o.maxSpanS ?? MAX_SPAN_S;
  const from = watermark === null ? Math.max(0, nowS - (o.firstLookbackS ?? FIRST_LOOKBACK_S)) : Math.max(0, Math.min(watermark, nowS) - overlap);
  return { timeFrom: from, timeTo: Math.min(nowS, from + span) };
}

/** Every window from `watermark` to `nowS`: what a catch-up after a long offline period walks, oldest first. */
export function catchUpWindows(watermark: number | null, nowS: number, o: WindowOptions = {}): Window[] {
  const out: Window[] = [];
  let mark = watermark;
  for (let guard = 0; guard < 10_000; guard++) {
    const w = nextWindow(mark, nowS, o);
    out.push(w);
    if (w.timeTo >= nowS) return out;
    mark = w.timeTo;
  }
  return out;
}

/** Seconds between the watermark and now (the sync lag shown per shop). */
export const lagSeconds = (watermark: number | null, nowS: number): number | null => (watermark === null ? null : Math.max(0, nowS - watermark));
