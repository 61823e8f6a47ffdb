import { describe, expect, it } from 'vitest';
import { compileLinePattern, createLineDecoder, type LineDecoder } from '../../../main/devices/scales/line-protocol.js';

const defaults = createLineDecoder() as LineDecoder;

describe('streaming line protocol', () => {
  it('reads the common layouts with the default patterns', () => {
    expect(defaults.decode('ST,GS,+0001.234kg', 1)).toMatchObject({ grams: 1234, stable: true, status: 'ok' });
    expect(defaults.decode('US,NT,-0000.012 kg', 1)).toMatchObject({ grams: -12, stable: false, status: 'motion' });
    expect(defaults.decode('OL,GS,+9999.999kg', 1)).toMatchObject({ status: 'overweight' });
    expect(defaults.decode('   1.234 kg', 1)).toMatchObject({ grams: 1234, stable: true });
    expect(defaults.decode('1234 g ?', 1)).toMatchObject({ grams: 1234, stable: false });
    expect(defaults.decode('2.5 lb', 1)).toMatchObject({ grams: 1134 });
    expect(defaults.decode('   ', 1)).toBeNull();
    expect(defaults.decode('hello', 1)).toMatchObject({ status: 'error', error: 'FRAME_INVALID' });
  });
  it('uses a station pattern with named groups', () => {
    const d = createLineDecoder(String.raw`^W:(?<weight>\d+)(?<stable>[SM])$`) as LineDecoder;
    expect(d.decode('W:250S', 1)).toMatchObject({ grams: 250, stable: true });
    expect(d.decode('W:250M', 1)).toMatchObject({ stable: false, status: 'motion' });
  });
  it('refuses patterns that cannot work', () => {
    expect(compileLinePattern('(')).toBe('PATTERN_INVALID');
    expect(compileLinePattern(String.raw`(?<w>\d+)`)).toBe('PATTERN_NO_WEIGHT');
    expect(createLineDecoder('(')).toBe('PATTERN_INVALID');
  });
});
