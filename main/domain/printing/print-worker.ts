import { PrinterError } from '../../devices/printers/print-transport.js';
import type { Store } from '../../store/store.js';
import { printDocument } from './print-documents.js';
import { retryDelayMs, type PrintMessageCode } from './print-job-rules.js';
import { moveJob, pendingJobs, readJobRow, recoverPrinting, type PrintJobRow } from './print-job-repo.js';
import { onPrintEnqueued } from './print-queue.js';
import { renderSource } from './print-render.js';
import { resolveSource } from './print-sources.js';
import { profileFor, readProfile, type PrinterProfileView } from './printer-profile-repo.js';
import { toDeviceProfile } from './printer-profile-rules.js';
import { OsPrinterUnavailable, transportFor, type OsPrint } from './printer-transports.js';

export interface PrintWorkerOptions {
  store: Store;
  dataDir: string;
  now?: () => number;
  osPrint?: OsPrint;
  /** Told after every change of a job, for printing.changed. */
  onChange?: (info: { jobId: number; station: string; status: string }) => void;
  pollMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Prints queued jobs. Not the outbox's job runner: that one pauses while the internet is down, and a
 * label printer on the LAN must not. One lane per printer: a lane prints its oldest job and nothing
 * behind it until that one has printed, been cancelled or refused, so labels come out in the order
 * they were queued even while the printer is off or out of paper. Lanes run side by side.
 */
export class PrintWorker {
  readonly #busy = new Set<string>();
  readonly #inflight = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly o: PrintWorkerOptions) {}

  #now = () => (this.o.now ?? Date.now)();

  start(): void {
    const n = this.o.store.tx(() => recoverPrinting(this.o.store, this.#now()));
    if (n) this.o.log?.(`requeued ${n} print jobs left printing by the last stop`);
    this.#running = true;
    this.#unsubscribe = onPrintEnqueued(() => this.wake());
    this.wake();
  }

  wake(): void {
    if (!this.#running) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), 0);
  }

  async drain(): Promise<void> {
    this.#running = false;
    this.#unsubscribe?.();
    if (this.#timer) clearTimeout(this.#timer);
    await Promise.allSettled([...this.#inflight]);
  }

  #schedule(): void {
    if (!this.#running) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), this.o.pollMs ?? 500);
    this.#timer.unref?.();
  }

  #tick(): void {
    this.#timer = null;
    if (!this.#running) return;
    try {
      this.#startDueLanes();
    } catch (error) {
      this.o.log?.('print queue tick failed', error);
    }
    this.#schedule();
  }

  /** The printer a job would use now; jobs with none share a lane per station and purpose. */
  #startDueLanes(): void {
    const store = this.o.store;
    const now = this.#now();
    const chosen = new Map<string, PrinterProfileView | null>();
    const heads = new Map<string, { job: PrintJobRow; profile: PrinterProfileView | null }>();
    for (const job of pendingJobs(store)) {
      const key = `${job.station.toLowerCase()}\u0000${job.purpose}`;
      if (!chosen.has(key)) chosen.set(key, profileFor(store, job.station, job.purpose));
      // A test print is pinned to the printer it was asked for; every other job goes where its purpose prints now.
      const pinned = pinnedProfile(store, job);
      const profile = pinned ?? chosen.get(key)!;
      // A test print is a check of the printer, not part of the packing sequence: it does not queue
      // behind a label that waits for its booking.
      const lane = pinned ? `test:${pinned.id}` : profile ? `printer:${profile.id}` : `none:${key}`;
      if (!heads.has(lane)) heads.set(lane, { job, profile });
    }
    for (const [lane, { job, profile }] of heads) {
      if (this.#busy.has(lane) || job.run_after > now) continue;
      this.#busy.add(lane);
      const p = this.#run(job, profile)
        .catch((error) => this.o.log?.(`print job ${job.id} failed unexpectedly`, error))
        .finally(() => {
          this.#busy.delete(lane);
          this.#inflight.delete(p);
          this.wake();
        });
      this.#inflight.add(p);
    }
  }

  #changed(id: number): void {
    const row = readJobRow(this.o.store, id);
    if (row) this.o.onChange?.({ jobId: id, station: row.station, status: row.status });
  }

  #wait(job: PrintJobRow, code: PrintMessageCode, detail: string | undefined, attempts: number): void {
    const now = this.#now();
    this.o.store.tx(() => moveJob(this.o.store, job.id, { event: 'wait', now, message: { code, detail }, runAfter: now + retryDelayMs(code, attempts) }));
    this.#changed(job.id);
  }

  #refuse(job: PrintJobRow, code: PrintMessageCode, detail?: string): void {
    this.o.store.tx(() => moveJob(this.o.store, job.id, { event: 'refuse', now: this.#now(), message: { code, detail } }));
    this.#changed(job.id);
  }

  async #run(queued: PrintJobRow, profile: PrinterProfileView | null): Promise<void> {
    const { store } = this.o;
    if (!profile) return this.#wait(queued, 'NO_PRINTER', queued.purpose, queued.attempts + 1);
    const started = store.tx(() => moveJob(store, queued.id, { event: 'start', now: this.#now(), profileId: profile.id, message: null }));
    if (!started) return;
    this.#changed(queued.id);
    const job = readJobRow(store, queued.id)!;
    const device = toDeviceProfile(profile);
    const source = await resolveSource(store, this.o.dataDir, printDocument.parse(JSON.parse(job.document_json)), device, this.#now()).catch(
      (error: Error) => ({ outcome: 'refuse' as const, code: 'DOCUMENT_FAILED' as const, detail: error.message }),
    );
    if (source.outcome === 'wait') return this.#wait(job, source.code, source.detail, job.attempts);
    if (source.outcome === 'refuse') return this.#refuse(job, source.code, source.detail);
    let rendered;
    try {
      rendered = await renderSource(source, device, { encode: true });
    } catch (error) {
      return this.#refuse(job, 'DOCUMENT_FAILED', (error as Error).message);
    }
    const dpm = device.dpi === 203 ? 8 : device.dpi / 25.4;
    const transport = transportFor(profile.transport, { osPrint: this.o.osPrint }, {
      widthMm: rendered.page.widthDots / dpm, heightMm: rendered.page.heightDots / dpm,
    });
    try {
      for (let i = 0; i < job.copies; i++) await transport.send(rendered.encoded.bytes, rendered.encoded.contentType);
    } catch (error) {
      if (error instanceof OsPrinterUnavailable) return this.#refuse(job, 'OS_PRINTER_UNAVAILABLE');
      if (error instanceof PrinterError) return this.#wait(job, error.code, error.message, job.attempts);
      return this.#wait(job, 'PRINTER_FAULT', (error as Error).message, job.attempts);
    }
    store.tx(() => moveJob(store, job.id, { event: 'printed', now: this.#now() }));
    this.#changed(job.id);
  }
}

function pinnedProfile(store: Store, job: PrintJobRow): PrinterProfileView | null {
  if (job.profile_id === null || !job.document_json.includes('"kind":"test"')) return null;
  const p = readProfile(store, job.profile_id);
  return p.archived ? null : p;
}
