import { z } from 'zod';
import { command } from './contract.js';
import { id, requiredText, timestamp } from './common.js';
import { ENVIRONMENTS } from './connections.js';
import { shopeeSettingsIssue } from './shopee-settings.js';

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
  // The account's settings, for the edit form (the partner key never leaves the core: only whether it is set).
  baseUrl: z.string(),
  partnerId: z.string(),
  partnerKeySet: z.boolean(),
  ratePerMinute: z.number().int(),
  lastOkAt: timestamp.nullable(),
  lastError: z.string().nullable(),
});
export type ShopeeStatus = z.infer<typeof shopeeStatus>;

const account = z.object({ accountId: id }).strict();

/** The partner key as shown in the Open Platform console: one token, no spaces (it is the HMAC key, §1.3). */
export const shopeePartnerKey = z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'the partner key has no spaces or accents');

const settingsInput = z.object({ partnerId: z.union([z.string().max(20), z.number()]) }).strict();
const addPartnerIdIssue = (settings: Record<string, unknown> | undefined, ctx: z.RefinementCtx) => {
  const issue = settings ? shopeeSettingsIssue(settings) : null;
  if (issue) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
};

const accountFields = {
  name: requiredText(80),
  environment: z.enum(ENVIRONMENTS),
  baseUrl: z.union([z.literal(''), z.string().trim().url().max(300).refine((u) => /^https?:\/\//i.test(u), { message: 'the base URL starts with http:// or https://' })]),
  /** `partnerId`: the app's Partner ID (spec §1.3: a whole number up to 4294967295). */
  settings: settingsInput,
  /** The partner key is write-only: given, it replaces the stored one. */
  partnerKey: shopeePartnerKey,
  ratePerMinute: z.number().int().min(1).max(10_000),
  active: z.boolean(),
};

export const marketplaceCreateInput = z.object({
  ...accountFields,
  provider: z.enum(MARKETPLACE_PROVIDERS).default('shopee'),
  baseUrl: accountFields.baseUrl.default(''),
  ratePerMinute: accountFields.ratePerMinute.default(120),
  active: z.boolean().default(true),
}).strict()
  .refine((v) => v.environment !== 'custom' || v.baseUrl !== '', { message: 'a custom environment needs a base URL', path: ['baseUrl'] })
  .superRefine((v, ctx) => addPartnerIdIssue(v.settings, ctx));

export const marketplaceUpdateInput = z.object({
  accountId: id,
  name: accountFields.name.optional(),
  environment: accountFields.environment.optional(),
  baseUrl: accountFields.baseUrl.optional(),
  settings: settingsInput.optional(),
  partnerKey: shopeePartnerKey.optional(),
  ratePerMinute: accountFields.ratePerMinute.optional(),
  active: z.boolean().optional(),
}).strict()
  .refine((v) => v.environment !== 'custom' || v.baseUrl === undefined || v.baseUrl !== '', { message: 'a custom environment needs a base URL', path: ['baseUrl'] })
  .superRefine((v, ctx) => addPartnerIdIssue(v.settings, ctx));

/** What a failed test (or a failed job) asks the operator to do. */
export const MARKETPLACE_HINTS = ['partner_key', 'partner_id', 'clock', 'reconnect', 'connect', 'settings', 'network', 'permission', 'wait'] as const;
export type MarketplaceHint = (typeof MARKETPLACE_HINTS)[number];

/** The hint for a provider error code (SHOPEE_* from the connector, OFFLINE…); null when the message says it all. */
export function marketplaceHintFor(code: string | null | undefined): MarketplaceHint | null {
  switch (code) {
    case 'SHOPEE_SIGN_INVALID': return 'partner_key';
    case 'SHOPEE_PARTNER_INVALID': return 'partner_id';
    case 'SHOPEE_CLOCK': return 'clock';
    case 'SHOPEE_TOKEN_INVALID': case 'SHOPEE_RECONNECT_NEEDED': case 'SHOPEE_SHOP_UNLINKED': return 'reconnect';
    case 'SHOPEE_NOT_CONNECTED': return 'connect';
    case 'SHOPEE_PERMISSION': return 'permission';
    case 'MARKETPLACE_SETTINGS_INVALID': return 'settings';
    case 'OFFLINE': case 'SHOPEE_OFFLINE': case 'SHOPEE_TIMEOUT': return 'network';
    case 'SHOPEE_RATE_LIMITED': case 'SHOPEE_DAILY_QUOTA': case 'SHOPEE_UNAVAILABLE': return 'wait';
    default: return null;
  }
}

export const marketplaceTestResult = z.object({
  ok: z.boolean(),
  /** Stable: SHOPEE_SIGN_INVALID, SHOPEE_CLOCK, SHOPEE_RECONNECT_NEEDED, SHOPEE_PARTNER_INVALID, SHOPEE_NOT_CONNECTED… */
  code: z.string().nullable(),
  /** English, with Shopee's own words; the renderer shows a translated sentence by code and keeps this as the detail. */
  message: z.string(),
  hint: z.enum(MARKETPLACE_HINTS).nullable(),
  /** The partner id and key were accepted by a signed call. */
  credentialsOk: z.boolean(),
  /** A shop call with the stored token worked. */
  shopOk: z.boolean(),
});
export type MarketplaceTestResult = z.infer<typeof marketplaceTestResult>;

const failedJob = z.object({
  id,
  kind: z.string(),
  code: z.string(),
  message: z.string(),
  /** The connector's own advice, English. */
  providerHint: z.string(),
  hint: z.enum(MARKETPLACE_HINTS).nullable(),
  at: timestamp,
  subjectLabel: z.string().nullable(),
});

/** The outbox side of a shop's sync health (issue 5 §6); the pull side is intake.status. */
export const marketplaceJobHealth = z.object({
  accountId: id,
  queued: z.number().int(),
  running: z.number().int(),
  failed: z.number().int(),
  /** The latest failed jobs, newest first (at most 10). */
  failedJobs: z.array(failedJob),
  /** The latest error on the account itself (a refused refresh, a failed test…). */
  lastError: z.string().nullable(),
  lastErrorHint: z.enum(MARKETPLACE_HINTS).nullable(),
});
export type MarketplaceJobHealth = z.infer<typeof marketplaceJobHealth>;

export const marketplacesContract = {
  'marketplaces.list': command({ role: 'manager', readonly: true, input: z.object({}).strict(), output: z.array(shopeeStatus) }),
  'marketplaces.create': command({ role: 'admin', input: marketplaceCreateInput, output: shopeeStatus }),
  'marketplaces.update': command({ role: 'admin', input: marketplaceUpdateInput, output: shopeeStatus }),
  /** A signed call proving the partner id and key, then (when connected) the shop's token. Records last ok / last error. */
  'marketplaces.test': command({ role: 'manager', input: account, output: marketplaceTestResult }),
  'marketplaces.health': command({ role: 'manager', readonly: true, input: z.object({ accountId: id.optional() }).strict(), output: z.array(marketplaceJobHealth) }),
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
