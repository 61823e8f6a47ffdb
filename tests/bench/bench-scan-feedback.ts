import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { startCore } from '../../main/core/core.js';
import { demoEan13 } from '../../main/domain/demo/seed-demo.js';
import { usKeyFor } from '../../renderer/lib/scanner/us-keymap.js';
import buildRenderer from '../e2e/global-setup.js';
import { BENCH_PIN, bigStoreDir } from './bench-stores.js';
import { startWebHost } from '../fixtures/web-host-process.js';
import { emit, percentile, round } from './bench-stats.js';
import { startScanTrace, stopScanTrace, type ScanWork } from './scan-trace.js';

// scan.feedback_p95_ms (issue 4 §8): from the last key of a scan (the suffix keydown) to the pack
// screen painting the result, in Debian's Chromium against the web host, with the orders in the store.
// Keys are dispatched inside the page at scanner pace and timed there, so the figure holds no
// DevTools round trip: only the detector, the scan queue, the command round trips and React.
// "Shown" = the feedback banner is replaced or its text changes (it is re-keyed for every result)
// and, for a scan that opens an order, that order's lines are on the screen; then one animation frame
// and a task, i.e. after the frame that paints it. BENCH_TRACE=1 also traces the page and reports
// the main thread's work per kind of scan (CPU time, not only wall clock, on a shared machine).

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Above the station's default dedupe window: the same barcode twice is then two units, not trigger bounce. */
const GAP_MS = 180;

type Kind = 'open' | 'correct' | 'wrong' | 'extra';
interface Line { sku: string; quantity: number; barcodes: string[] }
interface Timing { paint: number; dom: number; banner: number; late: number; calls: number }

/** A working copy of the kept store, with EAN-13 barcodes on every variant (the generated catalogue has none). */
async function prepareStore(orders: number, log: (m: string) => void): Promise<{ dir: string; barcodes: string[] }> {
  const kept = await bigStoreDir(orders, log);
  const dir = mkdtempSync(join(tmpdir(), 'packdesk-bench-scan-'));
  cpSync(kept.dir, dir, { recursive: true });
  const core = await startCore({ dataDir: dir, autoBackup: false });
  try {
    const barcodes = core.store.tx(() => {
      const variants = core.store.prepare('SELECT id, product_id FROM variants ORDER BY id').all() as { id: number; product_id: number }[];
      const insert = core.store.prepare("INSERT OR IGNORE INTO catalog_codes (code, kind, product_id, variant_id) VALUES (?, 'barcode', ?, ?)");
      return variants.map((v) => {
        const code = demoEan13(100_000 + v.id);
        insert.run(code, v.product_id, v.id);
        return code;
      });
    });
    return { dir, barcodes };
  } finally {
    await core.close();
  }
}

/** A contract command through the page's own bridge, as the signed-in operator. */
function bridgeCall<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(async ([n, i]) => {
    const b = (globalThis as unknown as { packdesk: { call(n: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).packdesk;
    const r = await b.call(n as string, i);
    if (!r.ok) throw new Error(`${n}: ${r.error?.message}`);
    return r.value;
  }, [name, input] as const) as Promise<T>;
}

/**
 * One scan inside the page, keyed as a scanner does: characters 4 ms apart, then Enter. Each key
 * carries the time the scanner sent it (as a real key event carries the hardware's time), so a late
 * timer in a loaded page neither splits the burst nor goes unmeasured: the clock starts at the Enter
 * key's scanner time, and any wait to deliver it counts. Also sums the bridge calls' time (the
 * command round trips). `opens`: the order number the scan should open; that is shown once the
 * order's lines are on the screen (the banner alone is timed apart), or once a refusal is.
 */
function scanInPage(page: Page, code: string, opens: string | null, i: number): Promise<Timing> {
  const keys = [...code].map((ch) => {
    const k = usKeyFor(ch);
    if (!k) throw new Error(`no US key for ${ch}`);
    return { key: ch, code: k.code, shift: k.shiftKey };
  });
  return page.evaluate(async ([text, keys, opens, i]) => {
    // The tests' tsconfig has no DOM types: the page's globals are reached through a narrow cast.
    interface El { textContent: string | null; className: string }
    const g = globalThis as unknown as {
      document: { querySelector(s: string): El | null; activeElement: unknown; body: unknown };
      MutationObserver: new (cb: () => void) => { observe(t: unknown, o: object): void; disconnect(): void };
      KeyboardEvent: new (type: string, init: object) => object;
      MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } };
      requestAnimationFrame(cb: () => void): void;
      __benchCalls?: { n: number; ms: number };
    };
    const target = (g.document.activeElement ?? g.document.body) as { dispatchEvent(e: unknown): boolean };
    const key = (k: string, code: string, shiftKey: boolean, at: number) => {
      for (const type of ['keydown', 'keyup']) {
        const e = new g.KeyboardEvent(type, { key: k, code, shiftKey, bubbles: true, cancelable: true });
        Object.defineProperty(e, 'timeStamp', { value: at });
        target.dispatchEvent(e);
      }
    };
    const PACE_MS = 4;
    const fb = () => g.document.querySelector('[data-testid="pack-feedback"]');
    const before = fb();
    const beforeText = before?.textContent;
    const first = performance.now();
    let late = 0;
    for (let k = 0; k <= keys.length; k++) {
      const at = first + k * PACE_MS;
      if (performance.now() < at) await new Promise((r) => setTimeout(r, at - performance.now()));
      late = Math.max(late, performance.now() - at);
      if (k < keys.length) key(keys[k].key, keys[k].code, keys[k].shift, at);
    }
    const calls = (g.__benchCalls ??= { n: 0, ms: 0 });
    const callsBefore = { ...calls };
    const t0 = first + keys.length * PACE_MS;
    let banner = 0;
    const shown = new Promise<{ dom: number; paint: number; banner: number }>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no feedback for ${text}`)), 10_000);
      const isShown = () => {
        const el = fb();
        if (!el || (el === before && el.textContent === beforeText)) return false;
        banner ||= performance.now() - t0;
        if (!opens || el.className.includes('pack-feedback-error')) return true;
        return g.document.querySelector('.pack-order-meta .mono')?.textContent === opens;
      };
      const obs = new g.MutationObserver(() => {
        if (!isShown()) return;
        obs.disconnect();
        clearTimeout(timer);
        const dom = performance.now() - t0;
        g.requestAnimationFrame(() => {
          const ch = new g.MessageChannel();
          ch.port1.onmessage = () => {
            performance.mark(`scan:${i}:shown`);
            done({ dom, paint: performance.now() - t0, banner });
          };
          ch.port2.postMessage(0);
        });
      });
      obs.observe(g.document.body, { subtree: true, childList: true, characterData: true });
    });
    performance.mark(`scan:${i}:start`);
    key('Enter', 'Enter', false, t0);
    const r = await shown;
    return { ...r, late, calls: calls.ms - callsBefore.ms };
  }, [code, keys, opens, i] as const);
}

/** Times every bridge call, so a slow figure can be split into round trips and the rest. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as { packdesk: { call(n: string, i: unknown): Promise<unknown> }; __benchCalls?: { n: number; ms: number } };
    const original = g.packdesk.call.bind(g.packdesk);
    g.__benchCalls = { n: 0, ms: 0 };
    g.packdesk.call = async (n, i) => {
      const t = performance.now();
      try {
        return await original(n, i);
      } finally {
        g.__benchCalls!.n++;
        g.__benchCalls!.ms += performance.now() - t;
      }
    };
  });
}

/** The page's main-thread work per kind of scan (BENCH_TRACE=1): the CPU it got, and what it went on. */
function emitTraceSummary(work: (ScanWork | null)[], kinds: Kind[]): void {
  const byKind = new Map<Kind, ScanWork[]>();
  work.forEach((w, i) => {
    if (w) (byKind.get(kinds[i]) ?? byKind.set(kinds[i], []).get(kinds[i])!).push(w);
  });
  for (const [kind, list] of byKind) {
    const stat = (f: (w: ScanWork) => number) => ({ p50: round(percentile(list.map(f), 50)), p95: round(percentile(list.map(f), 95)) });
    const entries: Record<string, number> = {};
    for (const w of list) for (const [n, ms] of Object.entries(w.entries)) entries[n] = (entries[n] ?? 0) + ms / list.length;
    const top = Object.entries(entries).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, ms]) => `${n} ${round(ms, 1)}`);
    emit(`scan.main_thread_cpu_${kind}_p95_ms`, percentile(list.map((w) => w.cpu), 95), 'ms', {
      scans: list.length, cpu: stat((w) => w.cpu), busy: stat((w) => w.busy), script: stat((w) => w.script), style: stat((w) => w.style),
      layout: stat((w) => w.layout), paint: stat((w) => w.paint), gc: stat((w) => w.gc), meanScriptByEntry: top,
    });
  }
}

export async function benchScanFeedback(quick: boolean, log: (m: string) => void = () => {}): Promise<void> {
  const orders = quick ? 5_000 : 100_000;
  const target = quick ? 40 : 200;
  buildRenderer();
  const { dir, barcodes } = await prepareStore(orders, log);
  const host = await startWebHost(dir, 60_000);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    // tsx compiles this file with esbuild's keepNames, which wraps the functions evaluated in the page
    // in a `__name` helper the page does not have.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await page.goto(host.url);
    await page.getByRole('radio').first().waitFor();
    await page.getByRole('radio').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type(BENCH_PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Đơn hàng' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Alt+P');
    await page.getByTestId('pack-feedback').waitFor();
    await instrument(page);

    const queue = await bridgeCall<{ orders: { id: number; number: string }[]; total: number }>(page, 'packing.queue', { limit: 200 });
    log(`scan: ${orders} orders in the store, ${queue.total} ready to pack; ${target} scans…`);
    const times: Record<Kind, Timing[]> = { open: [], correct: [], wrong: [], extra: [] };
    const all: Timing[] = [];
    const kinds: Kind[] = [];
    // BENCH_TRACE=1, or a file to keep the trace in (DevTools' Performance panel opens it).
    const tracing = !!process.env.BENCH_TRACE;
    if (tracing) await startScanTrace(browser, page, process.env.BENCH_TRACE !== '1');
    // BENCH_PROFILE=<file>: the page's JS CPU profile over the scans (open it in DevTools' Performance panel).
    const profiling = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiling) {
      await profiling.send('Profiler.enable');
      await profiling.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiling.send('Profiler.start');
    }
    const scan = async (kind: Kind, code: string) => {
      await page.waitForTimeout(GAP_MS);
      const t = await scanInPage(page, code, kind === 'open' ? code : null, all.length);
      kinds.push(kind);
      times[kind].push(t);
      all.push(t);
    };
    for (const order of queue.orders) {
      if (all.length >= target) break;
      await scan('open', order.number);
      const session = await bridgeCall<{ order: { number: string }; lines: Line[] } | null>(page, 'packing.current', {});
      if (!session || session.order.number !== order.number) {
        // Refused (e.g. the generated order cannot be packed here): the refusal was a result shown too.
        log(`scan: ${order.number} did not open: ${await page.getByTestId('pack-feedback').innerText()}`);
        continue;
      }
      const inOrder = new Set(session.lines.flatMap((l) => l.barcodes));
      await scan('wrong', barcodes.find((b, i) => !inOrder.has(b) && i % 7 === all.length % 7) ?? barcodes.find((b) => !inOrder.has(b))!);
      for (const line of session.lines) for (let u = 0; u < line.quantity; u++) await scan('correct', line.barcodes[0]);
      await scan('extra', session.lines[0].barcodes[0]);
      // Leave the order (the weight would complete it and book a parcel): the next one opens by its number.
      await page.getByRole('button', { name: 'Rời đơn' }).click();
      await page.getByRole('button', { name: 'Rời đơn' }).waitFor({ state: 'detached' });
    }

    const paint = all.map((t) => t.paint);
    const extra = { orders, scans: all.length, target: 50, browser: 'chromium' };
    emit('scan.feedback_p95_ms', percentile(paint, 95), 'ms', extra);
    emit('scan.feedback_p50_ms', percentile(paint, 50), 'ms', extra);
    emit('scan.feedback_max_ms', Math.max(...paint), 'ms', extra);
    // The split, to see where the time goes: DOM updated (before paint), the banner alone (an opening
    // scan is shown with its order's lines), the command round trips, and how late the page took the keys.
    emit('scan.feedback_dom_p95_ms', percentile(all.map((t) => t.dom), 95), 'ms', extra);
    emit('scan.feedback_banner_p95_ms', percentile(all.map((t) => t.banner), 95), 'ms', extra);
    emit('scan.feedback_commands_p95_ms', percentile(all.map((t) => t.calls), 95), 'ms', extra);
    emit('scan.feedback_keys_late_p95_ms', percentile(all.map((t) => t.late), 95), 'ms', extra);
    for (const [kind, list] of Object.entries(times)) {
      if (!list.length) continue;
      const p = list.map((t) => t.paint);
      emit(`scan.feedback_${kind}_p95_ms`, percentile(p, 95), 'ms', { scans: list.length, p50: round(percentile(p, 50)), max: round(Math.max(...p)) });
    }
    if (tracing) {
      const save = process.env.BENCH_TRACE === '1' ? undefined : process.env.BENCH_TRACE;
      // The kind of each scan i (its marks are scan:<i>:start and scan:<i>:shown), to read the saved trace by kind.
      if (save) writeFileSync(`${save}.kinds.json`, JSON.stringify(kinds));
      emitTraceSummary(await stopScanTrace(browser, all.length, save), kinds);
    }
    if (profiling) writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify((await profiling.send('Profiler.stop')).profile));
  } finally {
    await browser.close();
    host.child.kill('SIGTERM');
    await new Promise((r) => (host.child.exitCode !== null ? r(null) : host.child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
}
