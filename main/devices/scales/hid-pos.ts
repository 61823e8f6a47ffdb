// USB HID Point-of-Sale scale data report (usage page 0x8D "Weighing Devices"), as the report
// arrives from node-hid (report id first): [reportId, status, unit, exponent (int8), weightLo, weightHi].
// WebHID hands the report id separately; pass `reportId` to prepend it.
import { errorReading, printable, type ReadingStatus, type ScaleReading } from './reading.js';
import { scaledToGrams, type WeightUnit } from './units.js';

export const HID_POS_USAGE_PAGE = 0x8d;
export const HID_POS_DATA_REPORT = 3;
export const DYMO_VENDOR_ID = 0x0922;

const STATUS: Record<number, { status: ReadingStatus; stable: boolean }> = {
  1: { status: 'fault', stable: false },
  2: { status: 'ok', stable: true }, // stable at zero
  3: { status: 'motion', stable: false },
  4: { status: 'ok', stable: true },
  5: { status: 'under_zero', stable: true },
  6: { status: 'overweight', stable: false },
  7: { status: 'needs_calibration', stable: false },
  8: { status: 'needs_zero', stable: false },
};

// Weight units of the usage table that shops meet; carats, taels, grains and tons are not.
const UNITS: Record<number, WeightUnit> = { 1: 'mg', 2: 'g', 3: 'kg', 11: 'oz', 12: 'lb' };

export interface HidPosOptions {
  /**
   * Dymo postal scales in ounce mode report tenths of an ounce whatever their exponent byte says
   * (node-dymo-scale, webscale): with this on, ounces are always read as tenths.
   */
  dymo?: boolean;
}

/**
 * One input report → a reading; null for reports that are not weight data (other report ids are
 * control or feature reports some scales also send, not errors).
 */
export function decodeHidPosReport(report: Uint8Array, at: number, options: HidPosOptions = {}): ScaleReading | null {
  const raw = printable(report);
  if (report.length < 1) return errorReading('FRAME_INVALID', raw, at);
  if (report[0] !== HID_POS_DATA_REPORT) return null;
  if (report.length < 6) return errorReading('FRAME_INVALID', raw, at);
  const state = STATUS[report[1]!];
  if (!state) return errorReading('FRAME_INVALID', raw, at);
  if (state.status !== 'ok' && state.status !== 'under_zero' && state.status !== 'motion') {
    return { grams: 0, stable: false, status: state.status, raw, at };
  }
  const unit = UNITS[report[2]!];
  if (!unit) return errorReading('UNIT_UNKNOWN', raw, at);
  const exponent = options.dymo && unit === 'oz' ? -1 : (report[3]! << 24) >> 24; // int8
  const magnitude = BigInt(report[4]! | (report[5]! << 8));
  // The report carries a magnitude; "under zero" is what makes it negative.
  const grams = scaledToGrams(state.status === 'under_zero' ? -magnitude : magnitude, exponent, unit);
  return { grams: report[1] === 2 ? 0 : grams, stable: state.stable, status: state.status, raw, at };
}

/** A HID device filter from the station's `device` text: "0922:8003", "0922" or "" (any POS scale). */
export function parseHidFilter(text: string): { vendorId?: number; productId?: number } | null {
  const t = text.trim();
  if (!t) return {};
  const m = /^(?:0x)?([0-9a-f]{1,4})(?::(?:0x)?([0-9a-f]{1,4}))?$/i.exec(t);
  if (!m) return null;
  return { vendorId: parseInt(m[1]!, 16), ...(m[2] ? { productId: parseInt(m[2], 16) } : {}) };
}
