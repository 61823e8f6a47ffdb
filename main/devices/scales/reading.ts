// What every scale decoder produces, whatever the wire: one reading per frame. Decoders never throw
// on bad bytes; a frame they cannot read becomes an `error` reading so the stream goes on.

export const READING_STATUSES = [
  'ok', 'motion', 'under_zero', 'overweight', 'fault', 'needs_zero', 'needs_calibration', 'busy', 'error',
] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/** Why a frame could not be read; `error` readings carry one. */
export type FrameError = 'FRAME_INVALID' | 'CHECKSUM' | 'UNIT_UNKNOWN' | 'WEIGHT_INVALID' | 'COMMAND_REFUSED' | 'TOO_LONG';

export interface ScaleReading {
  /** Whole grams; negative below zero. 0 for fault and error readings. */
  grams: number;
  /** The scale's own stable flag (the stability filter still asks for several in a row). */
  stable: boolean;
  status: ReadingStatus;
  /** The frame as printable text (control bytes as <xx>), for logs and the settings screen. */
  raw: string;
  /** Milliseconds since the epoch when the frame arrived. */
  at: number;
  error?: FrameError;
}

export const errorReading = (error: FrameError, raw: string, at: number): ScaleReading => ({
  grams: 0, stable: false, status: 'error', raw, at, error,
});

/** Frames are shown to operators and logged: control bytes as <hex> so nothing garbles a screen. */
export function printable(bytes: Uint8Array | string): string {
  const codes = typeof bytes === 'string' ? [...bytes].map((c) => c.charCodeAt(0)) : [...bytes];
  return codes.map((c) => (c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `<${c.toString(16).padStart(2, '0')}>`)).join('');
}

export const asciiOf = (bytes: Uint8Array): string => String.fromCharCode(...bytes);
export const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
