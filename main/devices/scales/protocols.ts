// Each wire protocol as the driver needs it: how to cut frames, how to read one, what to send to ask
// for a weight, tare or zero, and whether the scale must be polled. Adding a protocol is one entry here.
import { CAS, CAS_COMMANDS, decodeCasFrame } from './cas.js';
import { createCasFramer, createLineFramer, createReportFramer, type Framer } from './framer.js';
import { decodeHidPosReport } from './hid-pos.js';
import { createLineDecoder, type LinePatternError } from './line-protocol.js';
import { decodeMtSicsLine, MT_SICS_COMMANDS } from './mt-sics.js';
import type { ScaleReading } from './reading.js';

export const PROTOCOL_IDS = ['hid_pos', 'mt_sics', 'cas', 'line'] as const;
export type ProtocolId = (typeof PROTOCOL_IDS)[number];

/** What a frame means to the driver: a reading, bytes to answer with (handshakes), or nothing. */
export type FrameOutcome = { reading: ScaleReading } | { reply: Uint8Array } | null;

export interface ScaleProtocol {
  id: ProtocolId;
  createFramer(): Framer;
  decode(frame: Uint8Array, at: number): FrameOutcome;
  /** Bytes that ask for one reading; with `pollMs` the driver sends them on a timer. */
  request?: Uint8Array;
  pollMs?: number;
  tare?: Uint8Array;
  zero?: Uint8Array;
}

export interface ProtocolOptions {
  /** `line` only: the station's pattern (empty = the default patterns). */
  linePattern?: string;
  /** `hid_pos` only: read ounces as tenths (Dymo); a function when the vendor is known only once the device opens. */
  dymo?: boolean | (() => boolean);
  pollMs?: number;
}

const asOutcome = (reading: ScaleReading | null): FrameOutcome => (reading ? { reading } : null);

/** The protocol for a station's config, or the reason its line pattern is unusable. */
export function createProtocol(id: ProtocolId, options: ProtocolOptions = {}): ScaleProtocol | LinePatternError {
  const pollMs = options.pollMs ?? 200;
  switch (id) {
    case 'hid_pos':
      // Scales send a report whenever they sample; there is nothing to ask for, and HID-POS zero/tare
      // output reports are optional and missing on the common postal scales.
      return {
        id,
        createFramer: createReportFramer,
        decode: (f, at) => {
          const dymo = typeof options.dymo === 'function' ? options.dymo() : options.dymo;
          return asOutcome(decodeHidPosReport(f, at, { dymo }));
        },
      };
    case 'mt_sics':
      return {
        id, createFramer: () => createLineFramer(), decode: (f, at) => asOutcome(decodeMtSicsLine(f, at)),
        request: MT_SICS_COMMANDS.immediate, pollMs, tare: MT_SICS_COMMANDS.tare, zero: MT_SICS_COMMANDS.zero,
      };
    case 'cas':
      return {
        id,
        createFramer: createCasFramer,
        decode: (f, at) => {
          if (f.length === 1) return f[0] === CAS.ACK ? { reply: CAS_COMMANDS.send } : null; // NAK: the next poll asks again
          return { reading: decodeCasFrame(f, at) };
        },
        request: CAS_COMMANDS.enquire,
        pollMs,
        // No tare or zero: CAS indicators take those from their own keypad only.
      };
    case 'line': {
      const decoder = createLineDecoder(options.linePattern ?? '');
      if (typeof decoder === 'string') return decoder;
      return { id, createFramer: () => createLineFramer(), decode: (f, at) => asOutcome(decoder.decode(f, at)) };
    }
  }
}
