import type { marketplacesContract } from '../../api/marketplaces.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import type { AccountRow } from '../connections/connection-service.js';
import { readAuth, toStatus } from './shopee/shopee-account.js';
import { awaitRedirect, completeAuth, isAwaitingRedirect, startAuth, statusOf } from './shopee/shopee-connect.js';

const deps = (ctx: CommandContext) => ({ store: ctx.store, secrets: ctx.services.secrets, now: ctx.now });

export const marketplaceHandlers: HandlersFor<typeof marketplacesContract> = {
  'marketplaces.list': (ctx) =>
    (ctx.store.prepare("SELECT * FROM connector_accounts WHERE provider = 'shopee' ORDER BY name, id").all() as AccountRow[])
      .map((row) => toStatus(ctx.services.secrets, row, readAuth(ctx.store, row.id), isAwaitingRedirect(ctx.store, row.id))),

  'marketplaces.shopee.status': (ctx, { accountId }) => statusOf(deps(ctx), accountId),

  'marketplaces.shopee.authLink': {
    async: async (ctx, { accountId }) => {
      const link = await startAuth(deps(ctx), accountId);
      ctx.emit('connections.changed');
      return link;
    },
  },

  'marketplaces.shopee.awaitRedirect': {
    async: async (ctx, { accountId }) => {
      try {
        return await awaitRedirect(deps(ctx), accountId);
      } finally {
        ctx.emit('connections.changed');
      }
    },
  },

  'marketplaces.shopee.completeAuth': {
    async: async (ctx, { accountId, redirectedUrl }) => {
      try {
        return await completeAuth(deps(ctx), accountId, redirectedUrl);
      } finally {
        ctx.emit('connections.changed');
      }
    },
  },
};
