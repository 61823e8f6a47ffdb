// Which language a job speaks, from its first bytes — the way a multi-emulation printer decides.
export type JobLanguage = 'tspl' | 'zpl' | 'escpos' | 'unknown';

const TSPL_WORDS = /^(SIZE|GAP|BLINE|DIRECTION|REFERENCE|OFFSET|SPEED|DENSITY|SET|CLS|CODEPAGE|BITMAP|BAR|BOX|TEXT|BARCODE|QRCODE|PRINT|HOME|FORMFEED|SOUND|REVERSE|ERASE)\b/;

export function detectLanguage(job: Uint8Array): JobLanguage {
  const head = Buffer.from(job.subarray(0, 512)).toString('latin1');
  const trimmed = head.replace(/^[\s\x00]+/, '');
  if (/\^XA/.test(head) || /^[~^][A-Z]{2}/.test(trimmed)) return 'zpl';
  if (TSPL_WORDS.test(trimmed)) return 'tspl';
  const b0 = trimmed.charCodeAt(0);
  // ESC, GS, DLE, FS or plain text followed by control codes: receipt printers take anything.
  if (b0 === 0x1b || b0 === 0x1d || b0 === 0x10 || b0 === 0x1c) return 'escpos';
  return trimmed.length > 0 && /[\x0a\x1b\x1d]/.test(head) ? 'escpos' : 'unknown';
}
