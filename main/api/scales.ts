import { z } from 'zod';
import { command } from './contract.js';
import { empty } from './common.js';
import { SCALE_PROTOCOLS, SCALE_TRANSPORTS, scaleConfig } from './stations.js';

// Scale faults are values in the output, not command errors: a missing or unplugged scale is a normal
// state of a desk (weights are then typed), and the pack screen shows it without treating it as a failure.
export const SCALE_ERROR_CODES = [
  'SCALE_NOT_FOUND', 'SCALE_ACCESS_DENIED', 'SCALE_OPEN_FAILED', 'SCALE_DISCONNECTED', 'SCALE_NO_DATA',
  'SCALE_UNSUPPORTED', 'SCALE_CONFIG_INVALID', 'SCALE_DRIVER_MISSING',
] as const;
export const scaleError = z.object({ code: z.enum(SCALE_ERROR_CODES), message: z.string() });

export const SCALE_READING_STATUSES = ['ok', 'motion', 'under_zero', 'overweight', 'fault', 'needs_zero', 'needs_calibration', 'busy', 'error'] as const;
/** Why there is no weight to use: the renderer translates each (locales scales.reasons.*). */
export const SCALE_REASONS = [
  'not_configured', 'connecting', 'disconnected', 'no_reading', 'stale', 'settling', 'motion', 'zero', 'under_zero',
  'overweight', 'fault', 'needs_zero', 'needs_calibration', 'busy', 'error',
] as const;

export const liveReading = z.object({
  grams: z.number().int(),
  stable: z.boolean(),
  status: z.enum(SCALE_READING_STATUSES),
  at: z.number(),
});
export type LiveReading = z.output<typeof liveReading>;

export const scaleState = z.object({
  transport: z.enum(SCALE_TRANSPORTS),
  protocol: z.enum(SCALE_PROTOCOLS),
  connection: z.enum(['none', 'idle', 'connecting', 'connected', 'disconnected', 'error']),
  error: scaleError.nullable(),
  /** The settled weight to use; null with a reason otherwise. */
  weight: z.object({ grams: z.number().int().positive(), at: z.number() }).nullable(),
  reason: z.enum(SCALE_REASONS).nullable(),
  /** What the scale shows right now, settled or not (for the live display). */
  live: liveReading.nullable(),
});
export type ScaleState = z.output<typeof scaleState>;

export const scalesContract = {
  /** Protocols, transports and the devices this machine can see, for the station settings. */
  'scales.list': command({
    role: 'packer',
    readonly: true,
    input: empty,
    output: z.object({
      protocols: z.array(z.enum(SCALE_PROTOCOLS)),
      transports: z.array(z.enum(SCALE_TRANSPORTS)),
      serialPorts: z.array(z.object({ path: z.string(), label: z.string() })),
      hidScales: z.array(z.object({ device: z.string(), label: z.string() })),
    }),
  }),
  /** The calling station's scale: the weight to use, or null with the reason. Connects on first call. */
  'scales.read': command({ role: 'packer', readonly: true, input: empty, output: scaleState }),
  /** Tare or zero the station's scale, where its protocol can. */
  'scales.command': command({
    role: 'packer',
    readonly: true,
    input: z.object({ action: z.enum(['tare', 'zero']) }).strict(),
    output: z.object({ done: z.boolean(), error: scaleError.nullable() }),
  }),
  /** Connects with the given settings (not saved) for a few seconds and reports what arrived. */
  'scales.test': command({
    role: 'manager',
    readonly: true,
    input: z.object({
      scale: scaleConfig,
      durationMs: z.number().int().min(200).max(10_000).default(2_000),
      /** Simulated transport only: grams to place on the scale during the test. */
      placeGrams: z.number().int().min(0).max(100_000).optional(),
    }).strict(),
    output: scaleState.extend({ readings: z.array(liveReading.extend({ raw: z.string() })) }),
  }),
};
