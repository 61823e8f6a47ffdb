import { describe, expect, it } from 'vitest';
import { createCasFramer, createLineFramer } from '../../../main/devices/scales/framer.js';
import { casChecksum } from '../../../main/devices/scales/cas.js';

const b = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const text = (frames: Uint8Array[]) => frames.map((f) => String.fromCharCode(...f));

describe('line framer', () => {
  it('joins frames split across chunks and handles CR, LF, CRLF and LFCR', () => {
    const f = createLineFramer();
    expect(text(f.push(b('ST,GS,+00')))).toEqual([]);
    expect(text(f.push(b('01.234kg\r\nA\rB\nC\n\rD')))).toEqual(['ST,GS,+0001.234kg', 'A', 'B', 'C']);
    expect(text(f.push(b('\r\n')))).toEqual(['D']);
  });
  it('drops control noise and bounds a line with no end', () => {
    const f = createLineFramer(8);
    expect(text(f.push(b('\x00\x02 1 g\x03\r\n')))).toEqual([' 1 g']);
    expect(text(f.push(b('123456789')))).toEqual(['123456789']);
  });
});

describe('CAS framer', () => {
  const body = b('S 01.234kg');
  const frame = Uint8Array.of(0x02, ...body, casChecksum(body), 0x03);
  it('cuts frames by length with garbage between and a split across chunks', () => {
    const f = createCasFramer();
    expect(f.push(Uint8Array.of(0x01, 0x55, ...frame.subarray(0, 5)))).toEqual([]);
    const out = f.push(Uint8Array.of(...frame.subarray(5), 0x04, 0x06, ...frame));
    expect(out).toEqual([frame, Uint8Array.of(0x06), frame]);
  });
  it('keeps a frame whose checksum equals ETX', () => {
    const body3 = b('S 00.000kg');
    const patched = Uint8Array.from(body3);
    patched[9] = patched[9]! ^ casChecksum(body3) ^ 0x03; // make the BCC 0x03
    const fr = Uint8Array.of(0x02, ...patched, 0x03, 0x03);
    expect(createCasFramer().push(fr)).toEqual([fr]);
  });
  it('resyncs after a frame with a lost byte', () => {
    const broken = Uint8Array.of(...frame.subarray(0, 6), ...frame.subarray(7));
    const out = createCasFramer().push(Uint8Array.of(...broken, ...frame));
    expect(out[out.length - 1]).toEqual(frame);
  });
});
