import { describe, expect, it } from 'vitest';
import { casChecksum, decodeCasFrame } from '../../../main/devices/scales/cas.js';

const frame = (body: string, bcc?: number) => {
  const b = Uint8Array.from(body, (c) => c.charCodeAt(0));
  return Uint8Array.of(0x02, ...b, bcc ?? casChecksum(b), 0x03);
};

describe('CAS frame', () => {
  it('reads stable and unstable weights', () => {
    expect(decodeCasFrame(frame('S 01.234kg'), 9)).toMatchObject({ grams: 1234, stable: true, status: 'ok', at: 9 });
    expect(decodeCasFrame(frame('U 00.500kg'), 9)).toMatchObject({ grams: 500, stable: false, status: 'motion' });
    expect(decodeCasFrame(frame('S-00.020kg'), 9)).toMatchObject({ grams: -20, status: 'under_zero' });
    expect(decodeCasFrame(frame('S  1234  g'), 9)).toMatchObject({ grams: 1234 });
    expect(decodeCasFrame(frame('U  OL   kg'), 9)).toMatchObject({ status: 'overweight' });
  });
  it('rejects a bad checksum, a wrong length or layout', () => {
    expect(decodeCasFrame(frame('S 01.234kg', 0x00), 9)).toMatchObject({ status: 'error', error: 'CHECKSUM' });
    expect(decodeCasFrame(frame('S 01.234kg').subarray(0, 11), 9)).toMatchObject({ error: 'FRAME_INVALID' });
    expect(decodeCasFrame(frame('X 01.234kg'), 9)).toMatchObject({ error: 'FRAME_INVALID' });
    expect(decodeCasFrame(frame('S 01.234xx'), 9)).toMatchObject({ error: 'UNIT_UNKNOWN' });
    expect(decodeCasFrame(frame('S 0a.2b4kg'), 9)).toMatchObject({ error: 'WEIGHT_INVALID' });
  });
});
