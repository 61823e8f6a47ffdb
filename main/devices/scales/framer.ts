// Serial ports deliver bytes in whatever chunks the driver read: half a frame, three frames, noise
// from a scale switched on mid-line. A framer keeps the remainder between chunks and hands back
// whole frames. Both framers are bounded: a stream with no terminator cannot grow memory.
import { CAS, CAS_FRAME_LENGTH } from './cas.js';

export interface Framer {
  /** The frames completed by this chunk, in order. */
  push(chunk: Uint8Array): Uint8Array[];
}

const isLineEnd = (b: number) => b === 0x0d || b === 0x0a;
// STX/ETX wrappers, XON/XOFF and NULs that some indicators put around or inside lines.
const isNoise = (b: number) => b < 0x20 && b !== 0x09;

/**
 * Lines ended by CR, LF, CR LF or LF CR (empty lines between are dropped). A run longer than
 * `maxLength` with no line end is handed on as it is, so the decoder reports it and the stream resyncs.
 */
export function createLineFramer(maxLength = 128): Framer {
  let line: number[] = [];
  return {
    push(chunk) {
      const out: Uint8Array[] = [];
      for (const b of chunk) {
        if (isLineEnd(b)) {
          if (line.length) out.push(Uint8Array.from(line));
          line = [];
        } else if (!isNoise(b)) {
          line.push(b);
          if (line.length > maxLength) {
            out.push(Uint8Array.from(line));
            line = [];
          }
        }
      }
      return out;
    },
  };
}

/**
 * CAS frames: CAS_FRAME_LENGTH bytes from STX (cut by length, because the checksum byte may equal
 * ETX). ACK and NAK outside a frame are handed on as one-byte frames for the handshake; anything else
 * between frames (SOH, EOT, noise) is dropped. A frame whose last byte is not ETX is handed on for the
 * decoder to reject, and scanning resumes just after its STX so one lost byte costs one frame.
 */
export function createCasFramer(): Framer {
  let buf: number[] = [];
  return {
    push(chunk) {
      const out: Uint8Array[] = [];
      buf.push(...chunk);
      for (;;) {
        const start = buf.findIndex((b) => b === CAS.STX || b === CAS.ACK || b === CAS.NAK);
        if (start < 0) {
          buf = [];
          break;
        }
        if (buf[start] !== CAS.STX) {
          out.push(Uint8Array.of(buf[start]!));
          buf = buf.slice(start + 1);
          continue;
        }
        if (buf.length - start < CAS_FRAME_LENGTH) {
          buf = buf.slice(start);
          break;
        }
        const frame = buf.slice(start, start + CAS_FRAME_LENGTH);
        out.push(Uint8Array.from(frame));
        buf = frame[CAS_FRAME_LENGTH - 1] === CAS.ETX ? buf.slice(start + CAS_FRAME_LENGTH) : buf.slice(start + 1);
      }
      return out;
    },
  };
}

/** HID transports deliver one input report per chunk: each chunk is a frame. */
export function createReportFramer(): Framer {
  return { push: (chunk) => [chunk] };
}
