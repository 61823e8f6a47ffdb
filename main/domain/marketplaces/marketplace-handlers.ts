import type { marketplacesContract } from '../../api/marketplaces.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import type { AccountRow } from '../connections/connection-service.js';
import { readAuth, toStatus } from './shopee/shopee-account.js';
import { createShopeeAccount, jobHealth, recordTest, testShopeeAccount, updateShopeeAccount } from './shopee/shopee-settings-service.js';
import { awaitRedirect, completeAuth, isAwaitingRedirect, startAuth, statusOf } from './shopee/shopee-connect.js';

const deps = (ctx: CommandContext) => ({ store: ctx.store, secrets: ctx.services.secrets, now: ctx.now });

export const marketplaceHandlers: HandlersFor<typeof marketplacesContract> = {
  'marketplaces.list': (ctx) =>
    (ctx.store.prepare("SELECT * FROM connector_accounts WHERE provider = 'shopee' ORDER BY name, id").all() as AccountRow[])
      .map((row) => toStatus(ctx.services.secrets, row, readAuth(ctx.store, row.id), isAwaitingRedirect(ctx.store, row.id))),

  'marketplaces.create': (ctx, input) => {
    const accountId = createShopeeAccount(ctx.store, ctx.services.secrets, input, ctx.now());
    ctx.emit('connections.changed');
    return statusOf(deps(ctx), accountId);
  },

  'marketplaces.update': (ctx, input) => {
    updateShopeeAccount(ctx.store, ctx.services.secrets, input, ctx.now());
    ctx.emit('connections.changed');
    return statusOf(deps(ctx), input.accountId);
  },

  'marketplaces.test': {
    async: async (ctx, { accountId }) => {
      const result = await testShopeeAccount(ctx.store, ctx.services.secrets, accountId, ctx.now);
      ctx.store.tx(() => recordTest(ctx.store, accountId, result, ctx.now()));
      ctx.emit('connections.changed');
      return result;
    },
  },

  'marketplaces.health': (ctx, { accountId }) => jobHealth(ctx.store, accountId),

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
