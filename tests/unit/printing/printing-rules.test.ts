import { describe, expect, it } from 'vitest';
import { isPending, nextStatus, PRINT_JOB_STATUSES, retryDelayMs } from '../../../main/domain/printing/print-job-rules.js';
import { chooseProfile, combinationProblem, profileFields } from '../../../main/domain/printing/printer-profile-rules.js';

const tcp = { kind: 'tcp' as const, host: '192.168.1.50', port: 9100 };

describe('printer profile rules', () => {
  it('accepts a label printer on the LAN with defaults for dpi, offsets and darkness', () => {
    expect(profileFields.parse({ name: 'Tem', transport: { kind: 'tcp', host: '192.168.1.50' }, language: 'tspl', media: '100x150' })).toMatchObject({
      dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, active: true, purposes: [], transport: { port: 9100 },
    });
  });

  it.each([
    [{ kind: 'tcp', host: '192.168.1.50', port: 0 }],
    [{ kind: 'tcp', host: '192.168.1.50', port: 70000 }],
    [{ kind: 'tcp', host: 'máy in', port: 9100 }],
    [{ kind: 'tcp', host: '', port: 9100 }],
    [{ kind: 'os', printerName: '' }],
    [{ kind: 'usb' }],
  ])('refuses the transport %j', (transport) => {
    expect(profileFields.safeParse({ name: 'x', transport, language: 'tspl', media: '100x150' }).success).toBe(false);
  });

  it('refuses dpi other than 203/300, offsets beyond ±20 mm and darkness beyond 0–15', () => {
    const base = { name: 'x', transport: tcp, language: 'tspl', media: '100x150' };
    expect(profileFields.safeParse({ ...base, dpi: 600 }).success).toBe(false);
    expect(profileFields.safeParse({ ...base, offsetXmm: 21 }).success).toBe(false);
    expect(profileFields.safeParse({ ...base, darkness: 16 }).success).toBe(false);
    expect(profileFields.safeParse({ ...base, dpi: 300, offsetYmm: -20, darkness: 0 }).success).toBe(true);
  });

  it.each([
    ['escpos', '100x150', 'tcp', 'escpos_needs_roll'],
    ['escpos', 'a6', 'tcp', 'escpos_needs_roll'],
    ['tspl', '80mm', 'tcp', 'roll_needs_escpos_or_pdf'],
    ['zpl', '58mm', 'tcp', 'roll_needs_escpos_or_pdf'],
    ['zpl', 'a5', 'tcp', 'sheet_needs_pdf'],
    ['tspl', '100x150', 'os', 'os_needs_pdf'],
    ['escpos', '80mm', 'tcp', null],
    ['escpos', '58mm', 'file', null],
    ['tspl', '100x100', 'tcp', null],
    ['zpl', '100x150', 'file', null],
    ['pdf', 'a5', 'os', null],
    ['pdf', '100x150', 'os', null],
  ] as const)('%s on %s through %s → %s', (language, media, kind, problem) => {
    expect(combinationProblem({ language, media, transport: { kind } })).toBe(problem);
  });

  it('chooses the active printer named for the purpose, the only printer of a one-printer desk, else none', () => {
    const p = (id: number, purposes: ('label' | 'slip' | 'document')[], active = true) => ({ id, purposes, active });
    expect(chooseProfile([p(2, ['slip']), p(1, ['label'])], 'label')?.id).toBe(1);
    expect(chooseProfile([p(2, ['label']), p(1, ['label'])], 'label')?.id).toBe(1);
    expect(chooseProfile([p(1, ['label'], false), p(2, ['label'])], 'label')?.id).toBe(2);
    expect(chooseProfile([p(3, [])], 'slip')?.id).toBe(3);
    expect(chooseProfile([p(1, ['label']), p(2, ['slip'])], 'document')).toBeNull();
    expect(chooseProfile([p(1, ['label'], false)], 'label')).toBeNull();
  });
});

describe('print job states', () => {
  it('moves along the queue and refuses moves that make no sense', () => {
    expect(nextStatus('queued', 'start')).toBe('printing');
    expect(nextStatus('printing', 'wait')).toBe('waiting');
    expect(nextStatus('waiting', 'start')).toBe('printing');
    expect(nextStatus('printing', 'printed')).toBe('printed');
    expect(nextStatus('printing', 'recover')).toBe('queued');
    expect(nextStatus('waiting', 'cancel')).toBe('cancelled');
    expect(nextStatus('refused', 'retry')).toBe('queued');
    expect(nextStatus('cancelled', 'retry')).toBe('queued');
    // A label already out cannot be cancelled or printed again by a retry (that is a reprint).
    expect(nextStatus('printed', 'cancel')).toBeNull();
    expect(nextStatus('printed', 'retry')).toBeNull();
    // A job being sent cannot be cancelled halfway.
    expect(nextStatus('printing', 'cancel')).toBeNull();
    expect(nextStatus('queued', 'printed')).toBeNull();
  });

  it('counts queued, waiting and printing as pending only', () => {
    expect(PRINT_JOB_STATUSES.filter(isPending)).toEqual(['queued', 'waiting', 'printing']);
  });

  it('retries a printer fault quickly at first, then every 30 s; a booking wait stays short', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => retryDelayMs('PRINTER_UNREACHABLE', n))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(retryDelayMs('SHIPMENT_BOOKING', 40)).toBe(1000);
  });
});
