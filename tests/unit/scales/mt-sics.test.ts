import { describe, expect, it } from 'vitest';
import { decodeMtSicsLine, MT_SICS_COMMANDS } from '../../../main/devices/scales/mt-sics.js';

describe('MT-SICS', () => {
  it('reads stable and dynamic weights', () => {
    expect(decodeMtSicsLine('S S      1.234 kg', 1)).toMatchObject({ grams: 1234, stable: true, status: 'ok', raw: 'S S      1.234 kg' });
    expect(decodeMtSicsLine('S D    120.5 g', 1)).toMatchObject({ grams: 121, stable: false, status: 'motion' });
    expect(decodeMtSicsLine('SI S   -0.020 kg', 1)).toMatchObject({ grams: -20, status: 'under_zero' });
    expect(decodeMtSicsLine(new TextEncoder().encode('S S 2.000 lb'), 1)).toMatchObject({ grams: 907 });
  });
  it('turns refusals and errors into readings', () => {
    expect(decodeMtSicsLine('S I', 1)).toMatchObject({ status: 'busy', stable: false });
    expect(decodeMtSicsLine('S +', 1)).toMatchObject({ status: 'overweight' });
    expect(decodeMtSicsLine('S -', 1)).toMatchObject({ status: 'under_zero' });
    for (const e of ['ES', 'ET', 'EL']) expect(decodeMtSicsLine(e, 1)).toMatchObject({ status: 'error', error: 'COMMAND_REFUSED' });
    expect(decodeMtSicsLine('S S 1.2 parsecs', 1)).toMatchObject({ error: 'UNIT_UNKNOWN' });
    expect(decodeMtSicsLine('S S abc kg', 1)).toMatchObject({ error: 'WEIGHT_INVALID' });
    expect(decodeMtSicsLine('garbage', 1)).toMatchObject({ error: 'FRAME_INVALID' });
  });
  it('passes tare and zero acknowledgements by', () => {
    expect(decodeMtSicsLine('T S    100.00 g', 1)).toBeNull();
    expect(decodeMtSicsLine('Z A', 1)).toBeNull();
  });
  it('has the command bytes', () => {
    expect(new TextDecoder().decode(MT_SICS_COMMANDS.stable)).toBe('S\r\n');
    expect(new TextDecoder().decode(MT_SICS_COMMANDS.immediate)).toBe('SI\r\n');
    expect(new TextDecoder().decode(MT_SICS_COMMANDS.tare)).toBe('T\r\n');
    expect(new TextDecoder().decode(MT_SICS_COMMANDS.zero)).toBe('Z\r\n');
  });
});
