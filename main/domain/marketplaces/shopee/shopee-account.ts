import { fail } from '../../../api/errors.js';
import type { ShopeeStatus } from '../../../api/marketplaces.js';
import { shopeePartnerId } from '../../../api/shopee-settings.js';
import { ShopeeClient } from '../../../connectors/marketplaces/shopee/shopee-client.js';
import { ShopeeShop } from '../../../connectors/marketplaces/shopee/shopee-shop.js';
import { ShopeeTokens, type TokenState, type TokenVault } from '../../../connectors/marketplaces/shopee/shopee-tokens.js';
import type { SecretBox } from '../../../core/secret-box.js';
import type { Store } from '../../../store/store.js';
import { openSecrets, readAccount, type AccountRow } from '../../connections/connection-service.js';

// A Shopee account: its settings in connector_accounts, its shop authorization in
// marketplace_authorizations (tokens sealed), and one token manager per account in this process.

export interface AuthRow {
  account_id: number; shop_id: string; main_account_id: string; shop_name: string; tokens_sealed: string;
  access_expires_at: number | null; refresh_expires_at: number | null; needs_reconnect: number; reconnect_reason: string | null;
  connected_at: number | null; refreshed_at: number | null; updated_at: number;
}

export function readShopeeAccount(store: Store, accountId: number): AccountRow {
  const row = readAccount(store, accountId);
  if ((row.provider as string) !== 'shopee') fail('CONFLICT', `${row.name} is not a Shopee account`, { reason: 'not_shopee' });
  return row;
}

export function readAuth(store: Store, accountId: number): AuthRow | undefined {
  return store.prepare('SELECT * FROM marketplace_authorizations WHERE account_id = ?').get(accountId) as AuthRow | undefined;
}

export function settingsIssueOf(box: SecretBox, row: AccountRow): ShopeeStatus['settingsIssue'] {
  const settings = JSON.parse(row.settings_json) as Record<string, unknown>;
  if (!shopeePartnerId.safeParse(settings.partnerId ?? '').success) return 'partner_id_missing';
  if (!openSecrets(box, row.secrets_sealed).partnerKey?.trim()) return 'partner_key_missing';
  if (row.environment === 'custom' && !row.base_url.trim()) return 'base_url_missing';
  return null;
}

export function shopeeClientFor(box: SecretBox, row: AccountRow, now: () => number): ShopeeClient {
  const settings = JSON.parse(row.settings_json) as Record<string, unknown>;
  return new ShopeeClient({
    environment: row.environment, baseUrl: row.base_url, partnerId: String(settings.partnerId ?? ''),
    partnerKey: openSecrets(box, row.secrets_sealed).partnerKey ?? '', now,
  });
}

export function toStatus(box: SecretBox, row: AccountRow, auth: AuthRow | undefined, awaitingRedirect: boolean): ShopeeStatus {
  const connected = !!auth?.shop_id && !!auth.tokens_sealed;
  return {
    accountId: row.id, provider: 'shopee', name: row.name, environment: row.environment, active: row.active === 1,
    settingsIssue: settingsIssueOf(box, row), connected,
    shopId: auth?.shop_id || null, shopName: auth?.shop_name ?? '',
    accessExpiresAt: connected ? auth!.access_expires_at : null, refreshExpiresAt: connected ? auth!.refresh_expires_at : null,
    connectedAt: auth?.connected_at ?? null,
    needsReconnect: auth?.needs_reconnect === 1, reconnectReason: auth?.reconnect_reason ?? null, awaitingRedirect,
    baseUrl: row.base_url, partnerId: String((JSON.parse(row.settings_json) as Record<string, unknown>).partnerId ?? ''),
    partnerKeySet: !!openSecrets(box, row.secrets_sealed).partnerKey, ratePerMinute: row.rate_per_minute,
    lastOkAt: row.last_ok_at, lastError: row.last_error,
  };
}

/** The sealed token pair of an account, read and written in their own short transactions. */
export function tokenVault(store: Store, box: SecretBox, accountId: number, now: () => number, hooks: { afterSave?: () => void } = {}): TokenVault {
  return {
    load() {
      const auth = readAuth(store, accountId);
      if (!auth?.tokens_sealed) return null;
      const t = JSON.parse(box.open(auth.tokens_sealed)) as { accessToken: string; refreshToken: string };
      return {
        accessToken: t.accessToken, refreshToken: t.refreshToken, accessExpiresAt: auth.access_expires_at ?? 0,
        refreshExpiresAt: auth.refresh_expires_at ?? 0, needsReconnect: auth.needs_reconnect === 1,
      };
    },
    save(next) {
      store.tx(() => writeTokens(store, box, accountId, next, now()));
      hooks.afterSave?.();
    },
    markNeedsReconnect(reason) {
      store.tx(() => markNeedsReconnect(store, accountId, reason, now()));
    },
  };
}

export function writeTokens(store: Store, box: SecretBox, accountId: number, next: TokenState, now: number): void {
  store.prepare(`UPDATE marketplace_authorizations SET tokens_sealed = ?, access_expires_at = ?, refresh_expires_at = ?, needs_reconnect = 0,
      reconnect_reason = NULL, refreshed_at = ?, updated_at = ? WHERE account_id = ?`)
    .run(box.seal(JSON.stringify({ accessToken: next.accessToken, refreshToken: next.refreshToken })), next.accessExpiresAt, next.refreshExpiresAt, now, now, accountId);
}

/** Never a silent stop: the account shows "needs reconnect" in Channels and its error in Connections. */
export function markNeedsReconnect(store: Store, accountId: number, reason: string, now: number): void {
  store.prepare('UPDATE marketplace_authorizations SET needs_reconnect = 1, reconnect_reason = ?, updated_at = ? WHERE account_id = ?').run(reason.slice(0, 500), now, accountId);
  store.prepare('UPDATE connector_accounts SET last_error = ? WHERE id = ?').run(`Shopee: connect the shop again (${reason.slice(0, 300)})`, accountId);
}

/** A fresh authorization: replaces whatever was there (a reconnect may even pick another shop). */
export function saveConnection(store: Store, box: SecretBox, accountId: number, shop: { shopId: string; mainAccountId: string }, tokens: TokenState, now: number): void {
  store.prepare(`INSERT INTO marketplace_authorizations (account_id, shop_id, main_account_id, shop_name, tokens_sealed, access_expires_at, refresh_expires_at,
      needs_reconnect, reconnect_reason, connected_at, refreshed_at, updated_at)
    VALUES (?, ?, ?, '', ?, ?, ?, 0, NULL, ?, NULL, ?)
    ON CONFLICT (account_id) DO UPDATE SET shop_id = excluded.shop_id, main_account_id = excluded.main_account_id,
      shop_name = CASE WHEN shop_id = excluded.shop_id THEN shop_name ELSE '' END, tokens_sealed = excluded.tokens_sealed,
      access_expires_at = excluded.access_expires_at, refresh_expires_at = excluded.refresh_expires_at, needs_reconnect = 0,
      reconnect_reason = NULL, connected_at = excluded.connected_at, updated_at = excluded.updated_at`)
    .run(accountId, shop.shopId, shop.mainAccountId, box.seal(JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken })),
      tokens.accessExpiresAt, tokens.refreshExpiresAt, now, now);
  store.prepare('UPDATE connector_accounts SET last_error = NULL, last_ok_at = ? WHERE id = ?').run(now, accountId);
}

// One token manager per account and process: concurrent jobs and commands share its single-flight refresh.
// Rebuilt when the account's settings change (updated_at) or another shop is connected.
const cache = new WeakMap<Store, Map<number, { key: string; shop: ShopeeShop }>>();

export interface ShopOptions {
  now?: () => number;
  /** Test hook: runs right after a refreshed pair is committed (a crash there must lose nothing). */
  afterTokenSave?: () => void;
}

export function shopeeShopFor(store: Store, box: SecretBox, accountId: number, opts: ShopOptions = {}): ShopeeShop {
  const row = readShopeeAccount(store, accountId);
  const auth = readAuth(store, accountId);
  if (!auth?.shop_id) fail('CONFLICT', `${row.name} has no connected Shopee shop`, { reason: 'not_connected' });
  const key = `${(row as AccountRow & { updated_at: number }).updated_at}:${auth!.shop_id}`;
  let byAccount = cache.get(store);
  if (!byAccount) cache.set(store, (byAccount = new Map()));
  const hit = byAccount.get(accountId);
  if (hit && hit.key === key && !opts.afterTokenSave) return hit.shop;
  const now = opts.now ?? Date.now;
  const client = shopeeClientFor(box, row, now);
  const shop = new ShopeeShop(client, new ShopeeTokens(client, auth!.shop_id, tokenVault(store, box, accountId, now, { afterSave: opts.afterTokenSave }), now));
  if (!opts.afterTokenSave) byAccount.set(accountId, { key, shop });
  return shop;
}
