// The one port every scale is used through, whatever its wire: readings come out, requests go in,
// and the connection state carries an error code the renderer translates (locales scales.errors.*).
import type { ProtocolId } from './protocols.js';
import type { ScaleReading } from './reading.js';

export const SCALE_ERROR_CODES = [
  'SCALE_NOT_FOUND', 'SCALE_ACCESS_DENIED', 'SCALE_OPEN_FAILED', 'SCALE_DISCONNECTED', 'SCALE_NO_DATA',
  'SCALE_UNSUPPORTED', 'SCALE_CONFIG_INVALID', 'SCALE_DRIVER_MISSING',
] as const;
export type ScaleErrorCode = (typeof SCALE_ERROR_CODES)[number];

export class ScaleError extends Error {
  constructor(readonly code: ScaleErrorCode, message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'ScaleError';
  }
}

export type ScaleConnection = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'error';

export interface ScalePortStatus {
  state: ScaleConnection;
  error: { code: ScaleErrorCode; message: string } | null;
}

export interface ScalePort {
  readonly protocol: ProtocolId;
  status(): ScalePortStatus;
  /** Opens the device; rejects with a ScaleError (not found, access denied…). */
  open(): Promise<void>;
  /** Every decoded reading, error readings included; returns the unsubscribe function. */
  onReading(listener: (reading: ScaleReading) => void): () => void;
  onStatus(listener: (status: ScalePortStatus) => void): () => void;
  /** Readings as an async iterator; ends when the port closes or the signal aborts. */
  readings(signal?: AbortSignal): AsyncIterable<ScaleReading>;
  /** Asks for one reading now (protocols that stream ignore it). */
  requestWeight(): Promise<void>;
  /** Reject with SCALE_UNSUPPORTED where the protocol has no such command. */
  tare(): Promise<void>;
  zero(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bytes to and from a device: a serial port, a HID device (one input report per chunk), or the
 * simulator. Injected into the driver, so tests run the real drivers over simulated devices.
 */
export interface ByteTransport {
  open(events: { data(chunk: Uint8Array): void; closed(error?: ScaleError): void }): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
