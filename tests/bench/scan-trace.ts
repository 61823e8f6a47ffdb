import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';

// Where a scan's time goes on the page's main thread, from a Chrome trace: wall clock alone cannot
// tell the app's own work from a machine loaded by other processes, while a trace's thread time
// (tdur) counts only the CPU the main thread got. The bench marks each scan in the page
// (`scan:<i>:start` at the Enter key, `scan:<i>:shown` after the frame that shows the result).

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'];
/** The sampling profiler's chunks, so a saved trace shows which functions ran in a scan's window (it adds CPU of its own). */
const SAMPLES = 'disabled-by-default-v8.cpu_profiler';

/** Main-thread work within one scan's window, in ms. */
export interface ScanWork {
  /** Wall time the main thread was running tasks, and the CPU those tasks got. */
  busy: number;
  cpu: number;
  script: number;
  style: number;
  layout: number;
  paint: number;
  gc: number;
  /** Script time by what started it (an event type or a function name), for the biggest entries. */
  entries: Record<string, number>;
}

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } }

const KIND: Record<string, keyof Omit<ScanWork, 'busy' | 'cpu' | 'entries'>> = {
  FunctionCall: 'script', EvaluateScript: 'script', TimerFire: 'script', FireAnimationFrame: 'script', EventDispatch: 'script', RunMicrotasks: 'script', 'v8.callFunction': 'script',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', Layout: 'layout',
  PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', UpdateLayer: 'paint', Commit: 'paint', PaintImage: 'paint',
  MinorGC: 'gc', MajorGC: 'gc', 'V8.GC_SCAVENGER': 'gc', 'V8.GC_MARK_COMPACTOR': 'gc',
};
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

export async function startScanTrace(browser: Browser, page: Page, samples: boolean): Promise<void> {
  await browser.startTracing(page, { categories: samples ? [...CATEGORIES, SAMPLES] : CATEGORIES });
}

/** Total length of the union of intervals, clipped to [from, to]. */
function unionWithin(spans: [number, number][], from: number, to: number): number {
  const clipped = spans.map(([a, b]) => [Math.max(a, from), Math.min(b, to)] as [number, number]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of clipped) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

function entryName(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'EventDispatch') return `event:${String(d.type)}`;
  if (e.name === 'FunctionCall') return `call:${String(d.functionName || '(anonymous)')}`;
  return e.name;
}

/** Stops the trace and sums each marked scan's main-thread work (null: a scan the trace missed); `save`: where to keep the trace. */
export async function stopScanTrace(browser: Browser, scans: number, save?: string): Promise<(ScanWork | null)[]> {
  const buf = await browser.stopTracing();
  if (save) writeFileSync(save, buf);
  const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = new Map<string, number>();
  let main: { pid: number; tid: number } | null = null;
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && /^scan:\d+:(start|shown)$/.test(e.name)) {
      marks.set(e.name, e.ts);
      main ??= { pid: e.pid, tid: e.tid };
    }
  }
  if (!main) return [];
  const on = events.filter((e) => e.pid === main!.pid && e.tid === main!.tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = on.filter((e) => TASKS.has(e.name));
  const byKind = new Map<string, [number, number][]>();
  for (const e of on) {
    const k = KIND[e.name];
    if (k) (byKind.get(k) ?? byKind.set(k, []).get(k)!).push([e.ts, e.ts + e.dur!]);
  }
  const scripts = on.filter((e) => KIND[e.name] === 'script');
  const out: (ScanWork | null)[] = [];
  for (let i = 0; i < scans; i++) {
    const from = marks.get(`scan:${i}:start`);
    const to = marks.get(`scan:${i}:shown`);
    if (from === undefined || to === undefined) {
      out.push(null);
      continue;
    }
    let busy = 0;
    let cpu = 0;
    for (const t of tasks) {
      const overlap = Math.min(t.ts + t.dur!, to) - Math.max(t.ts, from);
      if (overlap <= 0) continue;
      busy += overlap;
      cpu += (t.tdur ?? t.dur!) * (overlap / t.dur!);
    }
    const part = (k: string) => unionWithin(byKind.get(k) ?? [], from, to) / 1000;
    // Outermost script events only (a FunctionCall inside an EventDispatch is the same time).
    const entries: Record<string, number> = {};
    let outerEnd = -Infinity;
    for (const e of scripts.filter((s) => s.ts < to && s.ts + s.dur! > from).sort((a, b) => a.ts - b.ts)) {
      if (e.ts < outerEnd) continue;
      outerEnd = e.ts + e.dur!;
      const n = entryName(e);
      entries[n] = (entries[n] ?? 0) + (Math.min(outerEnd, to) - Math.max(e.ts, from)) / 1000;
    }
    out.push({ busy: busy / 1000, cpu: cpu / 1000, script: part('script'), style: part('style'), layout: part('layout'), paint: part('paint'), gc: part('gc'), entries });
  }
  return out;
}
