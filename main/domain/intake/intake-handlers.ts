import type { intakeContract } from '../../api/intake.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { pullShopee } from './intake-pull.js';
import { intakePollerOf } from './intake-poller.js';
import { intakeStatusOf, mapListing, readIntakeAccount, unmappedListings, updateIntakeSettings } from './intake-service.js';

const running = (ctx: CommandContext, accountId: number) => intakePollerOf(ctx.store)?.isRunning(accountId) ?? false;
const status = (ctx: CommandContext, accountId: number) => intakeStatusOf(ctx.store, accountId, ctx.now(), running(ctx, accountId));

function emitAfterPull(ctx: CommandContext) {
  for (const e of ['intake.changed', 'orders.changed', 'stock.changed', 'exceptions.changed'] as const) ctx.emit(e, {});
}

export const intakeHandlers: HandlersFor<typeof intakeContract> = {
  'intake.status': (ctx, { accountId }) => status(ctx, accountId),

  'intake.list': (ctx) =>
    (ctx.store.sqlite.prepare("SELECT id FROM connector_accounts WHERE provider = 'shopee' ORDER BY name, id").pluck().all() as number[]).map((id) => status(ctx, id)),

  'intake.syncNow': {
    async: async (ctx, { accountId, wait }) => {
      ctx.store.read(() => readIntakeAccount(ctx.store, accountId));
      const poller = intakePollerOf(ctx.store);
      // Without a scheduler (a core started without jobs) the pull runs here.
      const pull = poller ? poller.syncNow(accountId) : pullShopee({ store: ctx.store, secrets: ctx.services.secrets, now: ctx.now }, accountId);
      if (wait) {
        await pull;
        emitAfterPull(ctx);
      } else {
        // The core's scheduler announces what the pull changed when it ends.
        void pull.catch(() => {});
      }
      return ctx.store.read(() => intakeStatusOf(ctx.store, accountId, ctx.now(), wait ? running(ctx, accountId) : true));
    },
  },

  'intake.settings': (ctx, input) => {
    updateIntakeSettings(ctx.store, input.accountId, input, ctx.now());
    ctx.emit('intake.changed', { accountId: input.accountId });
    return status(ctx, input.accountId);
  },

  'intake.unmapped': (ctx, input) => unmappedListings(ctx.store, input),

  'intake.mapListing': (ctx, input) => {
    const r = mapListing(ctx.store, input, ctx.operatorId, ctx.now());
    ctx.emit('intake.changed', { accountId: input.accountId });
    if (r.created) {
      ctx.emit('orders.changed', {});
      ctx.emit('stock.changed', {});
    }
    return r;
  },
};
