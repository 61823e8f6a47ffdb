import type { exceptionsContract } from '../../api/exceptions.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { rearrangePickup, shipAnyway, unpackAndRestock } from './exception-actions.js';

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });

const changed = (ctx: CommandContext, orderIds: number[], more: ('stock.changed' | 'printing.changed' | 'shipments.changed' | 'jobs.changed')[] = []) => {
  ctx.emit('exceptions.changed', {});
  ctx.emit('orders.changed', { ids: orderIds });
  for (const e of more) ctx.emit(e, {});
};

export const exceptionHandlers: HandlersFor<typeof exceptionsContract> = {
  'exceptions.unpackRestock': (ctx, { id, note }) => {
    const r = unpackAndRestock(ctx.store, id, note, actor(ctx));
    changed(ctx, [r.orderId, ...r.promoted], ['stock.changed', 'printing.changed', 'shipments.changed', 'jobs.changed']);
    return { exceptionId: r.exceptionId, orderId: r.orderId, orderStatus: r.orderStatus };
  },
  'exceptions.shipAnyway': (ctx, { id, note }) => {
    const r = shipAnyway(ctx.store, id, note, actor(ctx));
    changed(ctx, [r.orderId]);
    return r;
  },
  'exceptions.rearrange': (ctx, { id }) => {
    const r = rearrangePickup(ctx.store, id, actor(ctx));
    changed(ctx, [r.orderId], ['shipments.changed', 'jobs.changed']);
    return r;
  },
};
