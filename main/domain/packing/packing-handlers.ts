import type { packingContract } from '../../api/packing.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { findPickListByCode } from '../picking/pick-list-scan.js';
import { getStation, stationNameOf } from '../stations/station-repo.js';
import { isShopeeLogisticsOrder, requestArrange } from '../shopee-logistics/shopee-arrange.js';
import { defaultCarrierAccount, prepareAddresses } from './pack-booking.js';
import { checkGates, completeSession, type CompleteDesk } from './pack-complete.js';
import { approveOverride } from './pack-override-approval.js';
import { packMetrics, shiftMetrics } from './pack-metrics.js';
import { packQueue, queuePage } from './pack-queue.js';
import { reprintLabel } from './pack-reprint.js';
import { openSessionOfStation, readOpenSession, sessionView } from './pack-session-repo.js';
import { openOrder, overrideGate, pauseSession, releaseSession, scanItem, undoLastScan } from './pack-session-commands.js';
import { scanLookups } from './scan-lookups.js';
import { decideAction, routeScan } from './scan-router.js';

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });

function deskOf(ctx: CommandContext): CompleteDesk {
  const st = getStation(ctx.store, stationNameOf(ctx));
  return { station: st.name, warehouseId: st.warehouseId, allowTypedQuantity: st.packing.allowTypedQuantity, requireWeight: st.packing.requireWeight, printPackingSlip: st.packing.printPackingSlip };
}

const changed = (ctx: CommandContext, orderId: number, more: ('exceptions.changed' | 'shipments.changed' | 'jobs.changed')[] = []) => {
  ctx.emit('orders.changed', { ids: [orderId] });
  for (const e of more) ctx.emit(e, {});
};

/** The first order waiting at this desk, for the screen to open next. */
const nextOrderId = (ctx: CommandContext, desk: CompleteDesk) => queuePage(ctx.store, desk.warehouseId, null, { limit: 1 })[0]?.id ?? null;

function resolve(ctx: CommandContext, desk: CompleteDesk, code: string, sessionId: number | undefined) {
  const session = sessionId ? readOpenSession(ctx.store, sessionId, desk.station) : null;
  const match = routeScan(code, { openOrderId: session?.order_id ?? null }, scanLookups(ctx.store, desk.warehouseId, findPickListByCode));
  const view = session ? sessionView(ctx.store, session.id) : null;
  // Nothing on a cancelled order is worth keeping, so leaving it needs no confirmation.
  const state = view ? { orderId: view.order.id, scannedUnits: view.order.status === 'cancelled' ? 0 : view.scannedUnits } : null;
  return { match, action: decideAction(match, state) };
}

function open(ctx: CommandContext, desk: CompleteDesk, orderId: number) {
  const id = openOrder(ctx.store, orderId, desk, actor(ctx));
  changed(ctx, orderId, ['exceptions.changed']);
  return sessionView(ctx.store, id);
}

function count(ctx: CommandContext, desk: CompleteDesk, sessionId: number, code: string, quantity: number | undefined) {
  const r = scanItem(ctx.store, sessionId, code, quantity, desk, actor(ctx));
  const session = sessionView(ctx.store, sessionId);
  if (r.result === 'ok') changed(ctx, session.order.id);
  return { ...r, session };
}

export const packingHandlers: HandlersFor<typeof packingContract> = {
  'packing.resolveScan': (ctx, { code, context }) => resolve(ctx, deskOf(ctx), code, context.sessionId),

  // A scan at the pack screen in one round trip (and one transaction): what resolveScan says and, when
  // that is "count" or "open_order", what packing.scan or packing.open does, so the packer's feedback
  // waits on one command, not two. A refused open fails the command as packing.open would.
  'packing.handleScan': (ctx, { code, sessionId }) => {
    const desk = deskOf(ctx);
    const r = resolve(ctx, desk, code, sessionId);
    const scan = r.action === 'count' && sessionId !== undefined ? count(ctx, desk, sessionId, code, undefined) : null;
    const opened = r.action === 'open_order' && r.match.kind === 'order' ? open(ctx, desk, r.match.orderId) : null;
    return { ...r, scan, opened };
  },

  'packing.queue': (ctx, f) => {
    const desk = deskOf(ctx);
    const st = getStation(ctx.store, desk.station);
    return { station: desk.station, warehouseId: st.warehouseId, warehouseName: st.warehouseName, ...packQueue(ctx.store, desk.warehouseId, defaultCarrierAccount(ctx.store)?.provider ?? null, f) };
  },

  'packing.current': (ctx) => {
    const s = openSessionOfStation(ctx.store, deskOf(ctx).station);
    return s ? sessionView(ctx.store, s.id) : null;
  },
  'packing.session': (ctx, { sessionId }) => sessionView(ctx.store, sessionId),

  'packing.open': (ctx, { orderId }) => open(ctx, deskOf(ctx), orderId),

  'packing.scan': (ctx, { sessionId, code, quantity }) => count(ctx, deskOf(ctx), sessionId, code, quantity),

  'packing.undoLastScan': (ctx, { sessionId }) => {
    undoLastScan(ctx.store, sessionId, deskOf(ctx));
    const session = sessionView(ctx.store, sessionId);
    changed(ctx, session.order.id);
    return session;
  },

  'packing.release': (ctx, { sessionId }) => {
    const orderId = releaseSession(ctx.store, sessionId, deskOf(ctx).station, actor(ctx));
    changed(ctx, orderId);
    return { orderId };
  },

  'packing.override': (ctx, { sessionId, reason, managerId, pin }) => {
    const op = ctx.session.operator;
    const approval = approveOverride(ctx.store, { operatorId: op?.id ?? null, role: op?.role ?? null }, { managerId, pin }, ctx.now());
    overrideGate(ctx.store, sessionId, reason, approval, actor(ctx));
    const session = sessionView(ctx.store, sessionId);
    changed(ctx, session.order.id);
    return session;
  },

  'packing.complete': {
    async: async (ctx, { sessionId, weightGrams }) => {
      const desk = deskOf(ctx);
      // Gates first, so a refused completion never reaches a carrier; the transaction checks them again.
      const pre = checkGates(ctx.store, readOpenSession(ctx.store, sessionId, desk.station), weightGrams, desk);
      // A Shopee order ships with Shopee's own logistics: arranged with Shopee (outbox: ship_order, tracking
      // number, AWB) in the same transaction instead of a carrier booking; its label is Shopee's AWB.
      const viaShopee = pre.needsBooking && isShopeeLogisticsOrder(ctx.store, pre.orderId);
      const account = pre.needsBooking && !viaShopee ? defaultCarrierAccount(ctx.store) : null;
      if (account) await prepareAddresses(ctx, pre.orderId, account);
      const done = ctx.store.tx(() => {
        if (viaShopee) requestArrange(ctx.store, pre.orderId, { method: 'auto' }, actor(ctx));
        return completeSession(ctx.store, sessionId, weightGrams, desk, account, actor(ctx));
      });
      ctx.emit('orders.changed', { ids: [done.orderId] });
      ctx.emit('shipments.changed', { orderIds: [done.orderId] });
      ctx.emit('jobs.changed', {});
      return { ...done, nextOrderId: nextOrderId(ctx, desk) };
    },
  },

  'packing.pause': (ctx, { sessionId, reason, note }) => {
    const r = pauseSession(ctx.store, sessionId, reason, note, deskOf(ctx).station, actor(ctx));
    changed(ctx, r.orderId, ['exceptions.changed']);
    return r;
  },

  'packing.reprintLabel': (ctx, { orderId }) => {
    const station = deskOf(ctx).station;
    const r = reprintLabel(ctx.store, orderId, station, actor(ctx));
    // What print.reprintLabel tells the print queue panel, plus the order's new event.
    ctx.emit('printing.changed', { station });
    ctx.emit('orders.changed', { ids: [orderId] });
    return r;
  },

  'packing.metrics': (ctx, { from, to }) => ({ rows: packMetrics(ctx.store, from, to) }),
  'packing.shift': (ctx) => shiftMetrics(ctx.store, deskOf(ctx).station, ctx.operatorId, ctx.now()),
};
