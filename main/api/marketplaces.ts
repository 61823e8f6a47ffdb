import { z } from 'zod';
import { command } from './contract.js';
import { id, timestamp } from './common.js';
import { ENVIRONMENTS } from './connections.js';

// Marketplace shop accounts (issue 5 §1). Connecting a Shopee shop: an authorization link opened in the
// browser, then either the loopback listener catches the redirect (awaitRedirect) or the operator pastes
// the URL the browser ended on (completeAuth). Tokens never leave the core; the view says only when they expire.

export const MARKETPLACE_PROVIDERS = ['shopee'] as const;

export const shopeeStatus = z.object({
  accountId: id,
  provider: z.enum(MARKETPLACE_PROVIDERS),
  name: z.string(),
  environment: z.enum(ENVIRONMENTS),
  active: z.boolean(),
  /** What is missing before a shop can be connected: the partner id or key. */
  settingsIssue: z.enum(['partner_id_missing', 'partner_key_missing', 'base_url_missing']).nullable(),
  connected: z.boolean(),
  shopId: z.string().nullable(),
  shopName: z.string(),
  accessExpiresAt: timestamp.nullable(),
  refreshExpiresAt: timestamp.nullable(),
  connectedAt: timestamp.nullable(),
  needsReconnect: z.boolean(),
  reconnectReason: z.string().nullable(),
  /** A loopback listener is waiting for the redirect. */
  awaitingRedirect: z.boolean(),
});
export type ShopeeStatus = z.infer<typeof shopeeStatus>;

const account = z.object({ accountId: id }).strict();

export const marketplacesContract = {
  'marketplaces.list': command({ role: 'manager', readonly: true, input: z.object({}).strict(), output: z.array(shopeeStatus) }),
  'marketplaces.shopee.status': command({ role: 'manager', readonly: true, input: account, output: shopeeStatus }),
  'marketplaces.shopee.authLink': command({
    role: 'admin',
    input: account,
    output: z.object({
      url: z.string().url(),
      /** Where Shopee sends the browser back: the loopback listener. */
      redirectUri: z.string(),
      /** The link's signature expires after 5 minutes (spec §1.2). */
      linkExpiresAt: timestamp,
      /** The listener gives up then; pasting the URL still works. */
      listenUntil: timestamp,
    }),
  }),
  'marketplaces.shopee.awaitRedirect': command({ role: 'admin', input: account, output: shopeeStatus }),
  'marketplaces.shopee.completeAuth': command({
    role: 'admin',
    input: z.object({ accountId: id, redirectedUrl: z.string().trim().min(1).max(4000) }).strict(),
    output: shopeeStatus,
  }),
};
