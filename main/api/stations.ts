import { z } from 'zod';
import { command } from './contract.js';
import { empty, id, requiredText } from './common.js';

// KeyboardEvent.code names ("F13", "Enter", "NumpadEnter"): physical keys, which no input method or
// layout rewrites (specs/hardware.md §1.1).
const keyCode = z.string().regex(/^[A-Za-z0-9]{1,24}$/, 'A key code such as F13 or Enter');

/** How the scan detector tells a scanner burst from typing (specs/hardware.md §1.2–1.3). */
export const scannerConfig = z.object({
  /** Shorter bursts are typing, not scans. */
  minLength: z.number().int().min(1).max(64).default(4),
  /** A burst whose average gap between keys exceeds this is a human typing. */
  maxAvgMsPerChar: z.number().int().min(5).max(200).default(30),
  /** Without a suffix key, the burst ends when no key arrives for this long. */
  endTimeoutMs: z.number().int().min(20).max(1000).default(80),
  /** Keys the scanner sends before the code; with one, every following key is held from the focused field. */
  prefixCodes: z.array(keyCode).max(4).default([]),
  /** Keys that end a scan at once and are swallowed. */
  suffixCodes: z.array(keyCode).max(4).default(['Enter', 'NumpadEnter', 'Tab']),
  /** Clipboard-mode scanners arrive as a paste event. */
  acceptPaste: z.boolean().default(true),
  /** The same code again within this window is trigger bounce, not a second unit. */
  dedupeMs: z.number().int().min(0).max(2000).default(150),
});
export type ScannerConfig = z.output<typeof scannerConfig>;

/** Rules of the pack screen at this desk. */
export const packingConfig = z.object({
  /** After scanning one unit of a multi-unit line, the packer may type the remaining quantity. */
  allowTypedQuantity: z.boolean().default(true),
  /** Print a packing slip with every label. */
  printPackingSlip: z.boolean().default(false),
  /** Open the next order in the queue as soon as one is packed. */
  autoOpenNext: z.boolean().default(true),
  /** A weight (scale or typed) is required before the label. */
  requireWeight: z.boolean().default(true),
  sound: z.boolean().default(true),
});
export type PackingConfig = z.output<typeof packingConfig>;

export const SCALE_PROTOCOLS = ['hid_pos', 'mt_sics', 'cas', 'line'] as const;
// `hid` is a USB HID-POS scale and `serial` an RS-232 / USB-COM one, both driven by the core (node-hid,
// serialport) so the scale works the same in Electron, the browser mode and tests.
export const SCALE_TRANSPORTS = ['none', 'hid', 'serial', 'simulated'] as const;

/** The desk's scale; `none` means weights are typed. */
export const scaleConfig = z.object({
  transport: z.enum(SCALE_TRANSPORTS).default('none'),
  protocol: z.enum(SCALE_PROTOCOLS).default('hid_pos'),
  /** Serial device path (COM3, /dev/ttyUSB0) or a HID vendor:product filter. */
  device: z.string().trim().max(200).default(''),
  baudRate: z.number().int().min(1200).max(115200).default(9600),
  /** For the `line` protocol: a regular expression with named groups weight, unit and stable. */
  linePattern: z.string().max(300).default(''),
  /** Consecutive stable readings, within the tolerance, before a weight is used. */
  stableReadings: z.number().int().min(1).max(20).default(3),
  toleranceGrams: z.number().int().min(0).max(100).default(2),
});
export type ScaleConfig = z.output<typeof scaleConfig>;

export const station = z.object({
  /** null until a manager saves this station's settings (defaults apply). */
  id: id.nullable(),
  name: z.string(),
  /** The station's warehouse; when unset, the first active warehouse. */
  warehouseId: id.nullable(),
  warehouseName: z.string().nullable(),
  scanner: scannerConfig,
  packing: packingConfig,
  scale: scaleConfig,
  updatedAt: z.number().nullable(),
});
export type Station = z.output<typeof station>;

/**
 * The partial form of a config for updates. zod's own `.partial()` would fill every missing field with
 * its default and so overwrite what the station has saved; this keeps missing fields absent.
 */
function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
  );
  return z.object(shape).strict() as unknown as z.ZodType<Partial<z.output<z.ZodObject<S>>>>;
}

export const stationsContract = {
  /** The calling desk's station (its name comes from the session), with defaults filled in. */
  'stations.current': command({ role: 'packer', readonly: true, input: empty, output: station }),
  'stations.list': command({ role: 'manager', readonly: true, input: empty, output: z.array(station) }),
  /** Partial update of one station (the caller's when no name is given); unset fields keep their values. */
  'stations.update': command({
    role: 'manager',
    input: z.object({
      name: requiredText(60).optional(),
      warehouseId: id.nullable().optional(),
      scanner: patchOf(scannerConfig).optional(),
      packing: patchOf(packingConfig).optional(),
      scale: patchOf(scaleConfig).optional(),
    }).strict(),
    output: station,
  }),
};
