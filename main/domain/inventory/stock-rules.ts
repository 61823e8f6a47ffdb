// Pure stock arithmetic (DESIGN.md rule 6). Available = on hand − reserved.

export interface Level {
  onHand: number;
  reserved: number;
}

export const available = (l: Level): number => l.onHand - l.reserved;

export type StockViolation = { code: 'STOCK_NEGATIVE' | 'STOCK_INSUFFICIENT'; onHand: number; reserved: number; available: number };

/**
 * Applies a movement's deltas. Reserved can never go below zero; on hand only where the warehouse
 * allows negative stock; a reservation must fit in what is available unless negative stock is allowed.
 */
export function applyDelta(level: Level, onHandDelta: number, reservedDelta: number, allowNegative: boolean): Level | StockViolation {
  const next = { onHand: level.onHand + onHandDelta, reserved: level.reserved + reservedDelta };
  const info = { onHand: level.onHand, reserved: level.reserved, available: available(level) };
  if (next.reserved < 0) return { code: 'STOCK_NEGATIVE', ...info };
  if (!allowNegative && next.onHand < 0) return { code: 'STOCK_NEGATIVE', ...info };
  if (!allowNegative && reservedDelta > 0 && onHandDelta === 0 && available(next) < 0) return { code: 'STOCK_INSUFFICIENT', ...info };
  return next;
}

export const isViolation = (r: Level | StockViolation): r is StockViolation => 'code' in r;

/** The deltas each movement kind is allowed to carry, so a caller cannot record a receipt that reserves. */
export const MOVEMENT_SHAPE: Record<string, { onHand: 'pos' | 'neg' | 'any' | 'zero'; reserved: 'pos' | 'neg' | 'any' | 'zero' }> = {
  initial: { onHand: 'pos', reserved: 'zero' },
  receipt: { onHand: 'pos', reserved: 'zero' },
  reserve: { onHand: 'zero', reserved: 'pos' },
  release: { onHand: 'zero', reserved: 'neg' },
  ship: { onHand: 'neg', reserved: 'neg' },
  return_restock: { onHand: 'pos', reserved: 'zero' },
  write_off: { onHand: 'neg', reserved: 'zero' },
  count_adjust: { onHand: 'any', reserved: 'zero' },
  adjust: { onHand: 'any', reserved: 'zero' },
  transfer_in: { onHand: 'pos', reserved: 'zero' },
  transfer_out: { onHand: 'neg', reserved: 'zero' },
};

const fits = (n: number, rule: 'pos' | 'neg' | 'any' | 'zero') =>
  rule === 'any' ? n !== 0 : rule === 'zero' ? n === 0 : rule === 'pos' ? n > 0 : n < 0;

export function movementShapeOk(kind: string, onHandDelta: number, reservedDelta: number): boolean {
  const shape = MOVEMENT_SHAPE[kind];
  if (!shape) return false;
  // Zero-delta "any" rules are rejected above; a movement must change something.
  return fits(onHandDelta, shape.onHand) && fits(reservedDelta, shape.reserved);
}
