import type { printingContract } from '../../api/printing.js';
import { queueLabelReprint } from './label-reprint.js';
import { fail } from '../../api/errors.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { bitmapToPng } from '../../devices/label/bitmap.js';
import { DEFAULT_PROFILE, type PrinterProfile } from '../../devices/label/media.js';
import { PrinterError } from '../../devices/printers/print-transport.js';
import { createTcpTransport } from '../../devices/printers/tcp-transport.js';
import { stationNameOf } from '../stations/station-repo.js';
import type { PrintPurpose } from './print-documents.js';
import { listJobs, moveJob, requireJob } from './print-job-repo.js';
import { enqueuePrint } from './print-queue.js';
import { renderSource } from './print-render.js';
import { cancelledOrderGate, resolveSource } from './print-sources.js';
import { archiveProfile, createProfile, listProfiles, profileFor, readProfile, updateProfile } from './printer-profile-repo.js';
import { DEFAULT_PURPOSE, toDeviceProfile } from './printer-profile-rules.js';

/** What a desk without a printer for the purpose previews on: the common printer for it. */
const FALLBACK: Record<PrintPurpose, PrinterProfile> = {
  label: DEFAULT_PROFILE,
  slip: { ...DEFAULT_PROFILE, language: 'escpos', media: '80mm' },
  document: { ...DEFAULT_PROFILE, language: 'pdf', media: 'a5' },
};

function changed(ctx: CommandContext, station: string): void {
  ctx.emit('printing.changed', { station });
  ctx.services.printing?.wake();
}

function jobView(ctx: CommandContext, id: number) {
  const row = requireJob(ctx.store, id);
  if (row.station.toLowerCase() !== stationNameOf(ctx).toLowerCase()) fail('NOT_FOUND', `Print job ${id} is not this station's`, { entity: 'printJob', id });
  return listJobs(ctx.store, row.station, 1_000_000).find((j) => j.id === id)!;
}

export const printingHandlers: HandlersFor<typeof printingContract> = {
  'printers.list': (ctx, { station }) => listProfiles(ctx.store, station ?? stationNameOf(ctx)),
  'printers.create': (ctx, { station, ...fields }) => {
    const saved = createProfile(ctx.store, station ?? stationNameOf(ctx), fields, ctx.now());
    changed(ctx, saved.station);
    return saved;
  },
  'printers.update': (ctx, { id, ...patch }) => {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const saved = updateProfile(ctx.store, id, defined, ctx.now());
    changed(ctx, saved.station);
    return saved;
  },
  'printers.delete': (ctx, { id }) => {
    const p = readProfile(ctx.store, id);
    archiveProfile(ctx.store, id, ctx.now());
    changed(ctx, p.station);
    return { ok: true as const };
  },
  'printers.test': (ctx, { id }) => {
    const p = readProfile(ctx.store, id);
    if (p.archived) fail('CONFLICT', `Printer profile ${id} is archived`, { reason: 'archived', id });
    const r = enqueuePrint(ctx.store, { station: p.station, purpose: p.purposes[0] ?? 'label', document: { kind: 'test' } }, ctx.now());
    // A test goes to this printer whatever the station's purposes say.
    ctx.store.prepare('UPDATE print_jobs SET profile_id = ? WHERE id = ?').run(id, r.printJobId);
    changed(ctx, p.station);
    return r;
  },
  'printers.status': {
    async: async (ctx, { id }) => {
      const p = readProfile(ctx.store, id);
      const t = p.transport;
      if (t.kind === 'os') return { state: ctx.services.printing?.osPrintAvailable ? 'unknown' : 'desktop_only', detail: null };
      if (t.kind === 'file') return { state: 'unknown', detail: null };
      try {
        const s = await createTcpTransport({ host: t.host, port: t.port, connectTimeoutMs: 1500 }).status(p.language);
        return { state: s.state, detail: s.detail ?? null };
      } catch (error) {
        return { state: 'unreachable', detail: error instanceof PrinterError ? error.message : String(error) };
      }
    },
  },
  'printers.virtualRecent': (ctx, { limit }) =>
    (ctx.services.printing?.virtualLabels() ?? []).slice(0, limit).map((l) => ({ ...l, pngBase64: l.png.toString('base64'), png: undefined })),

  'print.queue': (ctx, { limit }) => listJobs(ctx.store, stationNameOf(ctx), limit),
  'print.document': (ctx, { document, purpose, copies }) => {
    const station = stationNameOf(ctx);
    const orderId = document.kind === 'packing-slip' ? document.orderId : undefined;
    if (orderId) refuseCancelled(ctx, orderId);
    const r = enqueuePrint(ctx.store, { station, purpose: purpose ?? DEFAULT_PURPOSE[document.kind], document, orderId, copies }, ctx.now());
    changed(ctx, station);
    return r;
  },
  'print.retry': (ctx, { id }) => {
    const job = jobView(ctx, id);
    if (!moveJob(ctx.store, id, { event: 'retry', now: ctx.now(), message: null })) fail('CONFLICT', `Print job ${id} is ${job.status}`, { reason: 'job_status', status: job.status });
    changed(ctx, job.station);
    return jobView(ctx, id);
  },
  'print.cancel': (ctx, { id }) => {
    const job = jobView(ctx, id);
    if (!moveJob(ctx.store, id, { event: 'cancel', now: ctx.now(), message: null })) fail('CONFLICT', `Print job ${id} is ${job.status}`, { reason: 'job_status', status: job.status });
    changed(ctx, job.station);
    return jobView(ctx, id);
  },
  'print.reprintLabel': (ctx, { orderId }) => {
    const station = stationNameOf(ctx);
    const r = queueLabelReprint(ctx.store, orderId, station, ctx.now());
    changed(ctx, station);
    return r;
  },
  'print.preview': {
    async: async (ctx, { document, profileId }) => {
      const purpose = DEFAULT_PURPOSE[document.kind];
      const chosen = profileId ? readProfile(ctx.store, profileId) : profileFor(ctx.store, stationNameOf(ctx), purpose);
      const device = chosen ? toDeviceProfile(chosen) : FALLBACK[purpose];
      const source = await resolveSource(ctx.store, ctx.services.dataDir, document, device, ctx.now());
      if (source.outcome === 'wait' || source.outcome === 'refuse') {
        fail('CONFLICT', `Nothing to preview yet: ${source.code}`, { reason: `print_${source.code.toLowerCase()}`, detail: source.detail ?? null });
      }
      const { page } = await renderSource(source as Exclude<typeof source, { outcome: 'wait' | 'refuse' }>, device, { encode: false });
      return {
        pngBase64: bitmapToPng(page).toString('base64'), widthDots: page.widthDots, heightDots: page.heightDots, dpi: device.dpi,
        profileId: chosen?.id ?? null, trackingNumber: 'trackingNumber' in source ? source.trackingNumber ?? null : null,
      };
    },
  },
};

function refuseCancelled(ctx: CommandContext, orderId: number): void {
  const gate = cancelledOrderGate(ctx.store, orderId);
  if (gate) fail('CONFLICT', `Order ${gate.detail} is cancelled: no label prints for it`, { reason: 'order_cancelled', number: gate.detail });
}
