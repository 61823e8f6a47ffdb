import type { PrinterProfileOut } from '../../../main/api/printing.js';
import type { PrintPurpose } from '../../../main/domain/printing/print-documents.js';
import { combinationProblem, type ProfileFields } from '../../../main/domain/printing/printer-profile-rules.js';

// The printer dialog's form state: every transport's fields kept side by side, so switching the
// connection type back and forth loses nothing typed.

export interface PrinterForm {
  name: string;
  purposes: PrintPurpose[];
  transportKind: 'tcp' | 'os' | 'file';
  host: string;
  port: number | null;
  printerName: string;
  path: string;
  language: ProfileFields['language'];
  media: ProfileFields['media'];
  dpi: '203' | '300';
  offsetXmm: number | null;
  offsetYmm: number | null;
  darkness: number | null;
  active: boolean;
}

export const NEW_PRINTER: PrinterForm = {
  name: '', purposes: ['label'], transportKind: 'tcp', host: '', port: 9100, printerName: '', path: '',
  language: 'tspl', media: '100x150', dpi: '203', offsetXmm: 0, offsetYmm: 0, darkness: 8, active: true,
};

export function toForm(p: PrinterProfileOut): PrinterForm {
  const t = p.transport;
  return {
    name: p.name, purposes: [...p.purposes], transportKind: t.kind, host: t.kind === 'tcp' ? t.host : '', port: t.kind === 'tcp' ? t.port : 9100,
    printerName: t.kind === 'os' ? t.printerName : '', path: t.kind === 'file' ? t.path : '', language: p.language, media: p.media,
    dpi: String(p.dpi) as '203' | '300', offsetXmm: p.offsetXmm, offsetYmm: p.offsetYmm, darkness: p.darkness, active: p.active,
  };
}

/** The contract's input; zod validates it (host, port ranges) on both sides. */
export function fromForm(f: PrinterForm) {
  const transport = f.transportKind === 'tcp' ? { kind: 'tcp' as const, host: f.host.trim(), port: f.port ?? 9100 }
    : f.transportKind === 'os' ? { kind: 'os' as const, printerName: f.printerName.trim() }
    : { kind: 'file' as const, path: f.path.trim() };
  return {
    name: f.name.trim(), purposes: f.purposes, transport, language: f.language, media: f.media, dpi: Number(f.dpi) as 203 | 300,
    offsetXmm: f.offsetXmm ?? 0, offsetYmm: f.offsetYmm ?? 0, darkness: f.darkness ?? 8, active: f.active,
  };
}

/** The message key (printing:invalid.*) for a language that cannot print on the chosen media or connection. */
export const combinationKey = (f: PrinterForm): string | null => {
  const p = combinationProblem({ language: f.language, media: f.media, transport: { kind: f.transportKind } });
  return p ? `invalid.${p}` : null;
};

/** Where the form's fields sit in the contract's error paths. */
export const FIELD_OF_PATH: Record<string, string> = { 'transport.host': 'host', 'transport.port': 'port', 'transport.printerName': 'printerName', 'transport.path': 'path' };
