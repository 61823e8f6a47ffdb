import type { ScanMatch } from '../../api/packing.js';

// Routing a scan (issue 4 §2): the same code could be several things, so the order in which the
// lookups run is the rule. It lives here, apart from the SQL, so it is unit-tested on its own.

export type RouteStep = 'product_in_order' | 'pick_list' | 'order_number' | 'external_id' | 'tracking' | 'product' | 'bin';

/** Lookups the router runs, each one indexed query; null means "not this". */
export interface ScanLookups {
  productInOrder(code: string, orderId: number): Extract<ScanMatch, { kind: 'product' }> | null;
  pickList(code: string): Extract<ScanMatch, { kind: 'pick_list' }> | null;
  orderByNumber(code: string): Extract<ScanMatch, { kind: 'order' }> | null;
  orderByExternalId(code: string): Extract<ScanMatch, { kind: 'order' }> | null;
  orderByTracking(code: string): Extract<ScanMatch, { kind: 'order' }> | null;
  product(code: string): Extract<ScanMatch, { kind: 'product' }> | null;
  bin(code: string): Extract<ScanMatch, { kind: 'bin' }> | null;
}

export interface RouteContext {
  /** The order open on the pack screen, if any. */
  openOrderId?: number | null;
}

/**
 * On an open order, the order's own products come first: a barcode that happens to equal some order
 * number must still count as the item the packer holds. Otherwise the order: pick list, order
 * number (ours, then a marketplace's), tracking number, product barcode or SKU, bin.
 */
export function routeSteps(ctx: RouteContext): RouteStep[] {
  const base: RouteStep[] = ['pick_list', 'order_number', 'external_id', 'tracking', 'product', 'bin'];
  return ctx.openOrderId ? ['product_in_order', ...base] : base;
}

/** Runs the lookups in routing order and stops at the first match; later lookups never run. */
export function routeScan(code: string, ctx: RouteContext, look: ScanLookups): ScanMatch {
  const trimmed = code.trim();
  for (const step of routeSteps(ctx)) {
    const m = runStep(step, trimmed, ctx, look);
    if (m) return m;
  }
  return { kind: 'unknown', code: trimmed };
}

function runStep(step: RouteStep, code: string, ctx: RouteContext, look: ScanLookups): ScanMatch | null {
  switch (step) {
    case 'product_in_order': return look.productInOrder(code, ctx.openOrderId!);
    case 'pick_list': return look.pickList(code);
    case 'order_number': return look.orderByNumber(code);
    case 'external_id': return look.orderByExternalId(code);
    case 'tracking': return look.orderByTracking(code);
    case 'product': return look.product(code);
    case 'bin': return look.bin(code);
  }
}

export type ScanAction = 'count' | 'open_order' | 'confirm_switch' | 'open_pick_list' | 'same_order' | 'info' | 'unknown';

export interface SessionState {
  orderId: number;
  /** Units counted in the open session and not undone. */
  scannedUnits: number;
}

/**
 * What the pack screen does with a match. Switching away from an order loses its counted units, so it
 * happens silently only when nothing was counted yet; otherwise the packer is asked. Products and
 * unknown codes on an open order go to packing.scan, which judges them and logs refusals as errors.
 */
export function decideAction(match: ScanMatch, session: SessionState | null): ScanAction {
  const leaving = session !== null && session.scannedUnits > 0;
  switch (match.kind) {
    case 'order':
      if (session && session.orderId === match.orderId) return 'same_order';
      return leaving ? 'confirm_switch' : 'open_order';
    case 'pick_list':
      return leaving ? 'confirm_switch' : 'open_pick_list';
    case 'product':
      return session ? 'count' : 'info';
    case 'bin':
      return 'info';
    case 'unknown':
      return session ? 'count' : 'unknown';
  }
}
