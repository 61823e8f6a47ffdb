import type { ordersContract } from '../../api/orders.js';
import { toErrorShape } from '../../core/dispatcher.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { cancelOrder, confirmOrder, createManualOrder, transitionOrder, updateOrder } from './order-commands.js';
import { getOrder, readOrderRow } from './order-repo.js';
import { countOrders, listOrders } from './order-queries.js';
import { withdrawShipments } from '../shipping/shipment-cancel.js';

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });

const changed = (ctx: CommandContext, ids: number[], stock = true) => {
  ctx.emit('orders.changed', { ids });
  if (stock) ctx.emit('stock.changed', {});
};

/** Each order of a bulk action runs in its own savepoint: one failure does not undo the others. */
function bulk(ctx: CommandContext, ids: number[], run: (id: number) => void) {
  return ids.map((id) => {
    try {
      ctx.store.tx(() => run(id));
      return { id, ok: true, status: readOrderRow(ctx.store, id).status, error: null };
    } catch (error) {
      const e = toErrorShape(error);
      const status = (ctx.store.prepare('SELECT status FROM orders WHERE id = ?').get(id) as { status: never } | undefined)?.status ?? null;
      return { id, ok: false, status, error: { code: e.code, message: e.message } };
    }
  });
}

export const orderHandlers: HandlersFor<typeof ordersContract> = {
  'orders.list': (ctx, input) => ({ items: listOrders(ctx.store, input, input.sort, input.limit, input.offset) }),
  'orders.count': (ctx, input) => countOrders(ctx.store, input),
  'orders.get': (ctx, { id }) => getOrder(ctx.store, id),
  'orders.findByNumber': (ctx, { number }) =>
    (ctx.store.prepare('SELECT id FROM orders WHERE number = ? OR external_id = ? ORDER BY id DESC LIMIT 1').get(number.trim(), number.trim()) as { id: number } | undefined) ?? null,

  'orders.create': (ctx, input) => {
    const id = createManualOrder(ctx.store, input, actor(ctx));
    changed(ctx, [id], input.confirm);
    ctx.emit('customers.changed', {});
    return getOrder(ctx.store, id);
  },
  'orders.update': (ctx, input) => {
    const promoted = updateOrder(ctx.store, input, actor(ctx));
    changed(ctx, [input.id, ...promoted]);
    return getOrder(ctx.store, input.id);
  },
  'orders.confirm': (ctx, { id }) => {
    confirmOrder(ctx.store, id, actor(ctx));
    changed(ctx, [id]);
    return getOrder(ctx.store, id);
  },
  'orders.cancel': (ctx, { id, reason }) => {
    withdrawShipments(ctx.store, id, reason, actor(ctx));
    const promoted = cancelOrder(ctx.store, id, reason, actor(ctx));
    changed(ctx, [id, ...promoted]);
    return getOrder(ctx.store, id);
  },
  'orders.transition': (ctx, { id, to, reason, trackingNumber }) => {
    transitionOrder(ctx.store, id, to, reason, trackingNumber, actor(ctx));
    changed(ctx, [id], to === 'shipped');
    return getOrder(ctx.store, id);
  },
  'orders.bulkConfirm': (ctx, { ids }) => {
    const results = bulk(ctx, ids, (id) => confirmOrder(ctx.store, id, actor(ctx)));
    changed(ctx, ids);
    return results;
  },
  'orders.bulkCancel': (ctx, { ids, reason }) => {
    const results = bulk(ctx, ids, (id) => {
      withdrawShipments(ctx.store, id, reason, actor(ctx));
      cancelOrder(ctx.store, id, reason, actor(ctx));
    });
    changed(ctx, ids);
    return results;
  },
};
