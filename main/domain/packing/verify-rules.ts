import type { ScanResult } from '../../api/packing.js';

// Verification at the pack station, as pure rules: what one scan (or a typed quantity) does to the
// order's lines. Refusals change no count; the caller still logs them for the station's metrics.

export interface VerifyLine {
  id: number;
  variantId: number;
  quantity: number;
  verifiedQty: number;
}

export type ScanJudgement =
  | { result: 'ok'; line: VerifyLine; add: number }
  | { result: Exclude<ScanResult, 'ok'>; line: VerifyLine | null; add: 0 };

/**
 * One scan is one unit. A variant on two lines fills them in order. A cancelled order refuses every
 * scan, whatever was scanned: nothing of it may go out.
 */
export function judgeScan(orderCancelled: boolean, lines: readonly VerifyLine[], variantId: number | null): ScanJudgement {
  if (orderCancelled) return { result: 'order_cancelled', line: null, add: 0 };
  if (variantId === null) return { result: 'unknown', line: null, add: 0 };
  const mine = lines.filter((l) => l.variantId === variantId);
  if (!mine.length) return { result: 'wrong_item', line: null, add: 0 };
  const open = mine.find((l) => l.verifiedQty < l.quantity);
  return open ? { result: 'ok', line: open, add: 1 } : { result: 'extra_unit', line: mine[0], add: 0 };
}

export interface LastScan {
  lineId: number | null;
  result: ScanResult;
}

export type TypedJudgement =
  | { ok: true; line: VerifyLine; add: number }
  | { ok: false; reason: 'not_allowed' | 'not_after_scan' | 'below_counted'; line: VerifyLine | null }
  | { ok: false; reason: 'extra_unit'; line: VerifyLine };

/**
 * A typed quantity is the line's total in the box. It is taken only where the station allows it and
 * right after an accepted scan of that very line (the scan proves the item; the number saves
 * scanning 40 identical units). More than ordered is an extra unit; less than counted needs undo.
 */
export function judgeTypedQuantity(allowed: boolean, lines: readonly VerifyLine[], last: LastScan | null, variantId: number | null, total: number): TypedJudgement {
  const line = last?.lineId != null ? lines.find((l) => l.id === last.lineId) ?? null : null;
  if (!allowed) return { ok: false, reason: 'not_allowed', line };
  if (!line || last!.result !== 'ok' || line.variantId !== variantId) return { ok: false, reason: 'not_after_scan', line };
  if (total > line.quantity) return { ok: false, reason: 'extra_unit', line };
  if (total < line.verifiedQty) return { ok: false, reason: 'below_counted', line };
  return { ok: true, line, add: total - line.verifiedQty };
}

export const allVerified = (lines: readonly Pick<VerifyLine, 'quantity' | 'verifiedQty'>[]): boolean =>
  lines.length > 0 && lines.every((l) => l.verifiedQty === l.quantity);
