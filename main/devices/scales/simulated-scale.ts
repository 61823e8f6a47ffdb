// A scale that exists only in software: the demo shop's desk scale and the device the integration
// tests plug the real drivers into. It speaks each protocol through a ByteTransport, settles after an
// item is placed (with wobble first and optional noise after), overloads past its capacity, honours
// tare and zero where the protocol has them, and can be unplugged mid-stream.
import type { ProtocolId } from './protocols.js';
import { ScaleError, type ByteTransport } from './scale-port.js';
import { casFrame, hidPosReport, mtSicsLine, mtSicsWeight, streamLine, type Sample } from './simulated-frames.js';

export interface SimulatedScaleOptions {
  protocol: ProtocolId;
  /** How long the pan wobbles after an item lands. */
  settleMs?: number;
  /** How often a streaming scale sends (HID-POS, line). */
  intervalMs?: number;
  /** Once settled, readings wander by up to ± this many grams. */
  noiseGrams?: number;
  capacityGrams?: number;
  /** Deliver frames in uneven pieces with stray bytes between them, as real serial ports do. */
  ragged?: boolean;
  now?: () => number;
  seed?: number;
}

export interface SimulatedScale {
  readonly transport: ByteTransport;
  place(grams: number): void;
  remove(): void;
  /** Knock the pan: motion for `settleMs` without changing the load. */
  shake(): void;
  unplug(): void;
  plugIn(): void;
  readonly plugged: boolean;
  /** What the display would show now. */
  sample(): Sample;
}

export function createSimulatedScale(opts: SimulatedScaleOptions): SimulatedScale {
  const settleMs = opts.settleMs ?? 600;
  const intervalMs = opts.intervalMs ?? 150;
  const capacity = opts.capacityGrams ?? 30_000;
  const now = opts.now ?? Date.now;
  let seed = (opts.seed ?? 7) >>> 0;
  const random = () => { // mulberry32: deterministic noise for reproducible tests
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  let load = 0;
  let tare = 0;
  let changedAt = -Infinity;
  let from = 0;
  let plugged = true;
  let events: Parameters<ByteTransport['open']>[0] | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let inbox = '';

  const sample = (): Sample => {
    const elapsed = now() - changedAt;
    if (load > capacity) return { grams: 0, stable: false, overload: true };
    if (elapsed < settleMs) {
      // Overshoot and ring down from the previous load towards the new one.
      const progress = elapsed / settleMs;
      const swing = (load - from) * (1 - progress) * Math.cos(progress * Math.PI * 3);
      return { grams: Math.round(load - swing) - tare, stable: false, overload: false };
    }
    const noise = opts.noiseGrams ? Math.round((random() * 2 - 1) * opts.noiseGrams) : 0;
    return { grams: load + (load ? noise : 0) - tare, stable: true, overload: false };
  };

  const deliver = (bytes: Uint8Array) => {
    if (!events || !plugged) return;
    if (!opts.ragged) return events.data(bytes);
    // Stray bytes between frames and frames cut at random points.
    const noisy = opts.protocol === 'hid_pos' ? bytes : Uint8Array.of(0x00, 0x13, ...bytes);
    if (opts.protocol === 'hid_pos') return events.data(noisy);
    let i = 0;
    while (i < noisy.length) {
      const n = 1 + Math.floor(random() * 5);
      events.data(noisy.subarray(i, i + n));
      i += n;
    }
  };

  const streams = opts.protocol === 'hid_pos' || opts.protocol === 'line';
  const emit = () => deliver(opts.protocol === 'hid_pos' ? hidPosReport(sample()) : streamLine(sample()));

  // Polled protocols answer what the host writes.
  const receive = (bytes: Uint8Array) => {
    if (opts.protocol === 'cas') {
      for (const b of bytes) {
        if (b === 0x05) deliver(Uint8Array.of(0x06));
        else if (b === 0x11) deliver(casFrame(sample()));
      }
      return;
    }
    if (opts.protocol !== 'mt_sics') return;
    inbox += String.fromCharCode(...bytes);
    let end: number;
    while ((end = inbox.indexOf('\r\n')) >= 0) {
      const cmd = inbox.slice(0, end).trim();
      inbox = inbox.slice(end + 2);
      deliver(answerSics(cmd));
    }
  };

  const answerSics = (cmd: string): Uint8Array => {
    const s = sample();
    switch (cmd) {
      case 'S': return s.stable ? mtSicsWeight(s) : mtSicsLine('S I');
      case 'SI': return mtSicsWeight(s);
      case 'T':
        if (!s.stable || s.overload) return mtSicsLine('T I');
        tare = load;
        return mtSicsLine(`T S ${(load / 1000).toFixed(3).padStart(10)} kg`);
      case 'Z':
        if (!s.stable || s.overload) return mtSicsLine('Z I');
        tare = load;
        return mtSicsLine('Z A');
      case '@': tare = 0; return mtSicsLine('I4 A "SIM-0001"');
      default: return mtSicsLine('ES');
    }
  };

  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
  };

  const transport: ByteTransport = {
    async open(e) {
      if (!plugged) throw new ScaleError('SCALE_NOT_FOUND', 'the simulated scale is unplugged');
      events = e;
      inbox = '';
      if (streams) {
        timer = setInterval(emit, intervalMs);
        timer.unref?.();
      }
    },
    async write(bytes) {
      if (!plugged || !events) throw new ScaleError('SCALE_DISCONNECTED', 'the simulated scale is unplugged');
      receive(bytes);
    },
    async close() {
      stop();
      events = null;
    },
  };

  const change = (grams: number) => {
    from = sample().grams + tare;
    load = Math.max(0, Math.round(grams));
    changedAt = now();
  };

  return {
    transport,
    place: (grams) => change(load + grams),
    remove: () => change(0),
    shake: () => {
      from = load + Math.max(50, load * 0.2);
      changedAt = now();
    },
    unplug() {
      plugged = false;
      stop();
      const e = events;
      events = null;
      e?.closed(new ScaleError('SCALE_DISCONNECTED', 'the scale was unplugged'));
    },
    plugIn: () => void (plugged = true),
    get plugged() {
      return plugged;
    },
    sample,
  };
}
