import { z } from 'zod';
import { fail } from '../../../api/errors.js';
import { marketplaceHintFor, type marketplaceCreateInput, type marketplaceUpdateInput, type MarketplaceJobHealth, type MarketplaceTestResult } from '../../../api/marketplaces.js';
import { getItemList } from '../../../connectors/marketplaces/shopee/shopee-products.js';
import type { SecretBox } from '../../../core/secret-box.js';
import { isJobError, type JobError } from '../../../sync/job-error.js';
import type { Store } from '../../../store/store.js';
import { mergeSecrets } from '../../connections/connection-service.js';
import { markNeedsReconnect, readAuth, readShopeeAccount, settingsIssueOf, shopeeClientFor, shopeeShopFor } from './shopee-account.js';

// A Shopee account's own settings (issue 5): created and edited here, not through connections.create
// (that contract is the carriers'). The partner key is sealed like every other secret and never read back.

type CreateInput = z.output<typeof marketplaceCreateInput>;
type UpdateInput = z.output<typeof marketplaceUpdateInput>;

export function createShopeeAccount(store: Store, box: SecretBox, input: CreateInput, now: number): number {
  const r = store
    .prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, rate_per_minute, concurrency, active, created_at, updated_at)
      VALUES ('shopee', ?, ?, ?, ?, ?, ?, 2, ?, ?, ?)`)
    .run(input.name, input.environment, input.baseUrl, JSON.stringify({ partnerId: String(input.settings.partnerId).trim() }),
      mergeSecrets(box, '', { partnerKey: input.partnerKey }), input.ratePerMinute, Number(input.active), now, now);
  return Number(r.lastInsertRowid);
}

/** Changing the app (partner id), its key or the host voids the shop's tokens: they were issued to the old one. */
export function updateShopeeAccount(store: Store, box: SecretBox, input: UpdateInput, now: number): void {
  const row = readShopeeAccount(store, input.accountId);
  const environment = input.environment ?? row.environment;
  const baseUrl = input.baseUrl ?? row.base_url;
  if (environment === 'custom' && !baseUrl.trim()) {
    fail('INPUT_INVALID', 'a custom environment needs a base URL', { field: 'baseUrl', issues: [{ code: 'custom', path: ['baseUrl'], message: 'a custom environment needs a base URL' }] });
  }
  const settings = JSON.parse(row.settings_json) as Record<string, unknown>;
  const partnerId = input.settings ? String(input.settings.partnerId).trim() : String(settings.partnerId ?? '');
  const secrets = input.partnerKey !== undefined ? mergeSecrets(box, row.secrets_sealed, { partnerKey: input.partnerKey }) : row.secrets_sealed;
  store
    .prepare(`UPDATE connector_accounts SET name = ?, environment = ?, base_url = ?, settings_json = ?, secrets_sealed = ?, rate_per_minute = ?,
      active = ?, updated_at = ? WHERE id = ?`)
    .run(input.name ?? row.name, environment, baseUrl, JSON.stringify({ ...settings, partnerId }), secrets,
      input.ratePerMinute ?? row.rate_per_minute, input.active === undefined ? row.active : Number(input.active), now, row.id);
  const auth = readAuth(store, row.id);
  if (!auth?.shop_id || auth.needs_reconnect === 1) return;
  const hostChanged = environment !== row.environment || (environment === 'custom' && baseUrl.trim() !== row.base_url.trim());
  if (partnerId !== String(settings.partnerId ?? '')) markNeedsReconnect(store, row.id, 'the partner id changed', now);
  else if (hostChanged) markNeedsReconnect(store, row.id, 'the Shopee host changed', now);
}

const PARTNER_IN_MESSAGE = /partner[_ ]?id/i;

/** A connector failure as a test result; the code names what to fix. */
function failure(error: unknown, stage: 'credentials' | 'shop'): MarketplaceTestResult {
  if (!isJobError(error)) throw error;
  const e = error as JobError;
  let code = e.code;
  if (e.code === 'SHOPEE_REJECTED' && PARTNER_IN_MESSAGE.test(e.message)) code = 'SHOPEE_PARTNER_INVALID';
  if (e.code === 'SHOPEE_PARTNER_ID_MISSING' || e.code === 'SHOPEE_PARTNER_KEY_MISSING') code = 'MARKETPLACE_SETTINGS_INVALID';
  const hint = marketplaceHintFor(code) ?? (e.kind === 'offline' || e.transport ? 'network' : null);
  return { ok: false, code, message: e.hint ? `${e.message}. ${e.hint}` : e.message, hint, credentialsOk: stage === 'shop', shopOk: false };
}

/**
 * The connection test: a public signed call proves the partner id and key (a made-up code is refused
 * *after* the signature is checked, so "wrong sign" and "wrong partner id" come back as such [?] —
 * Shopee publishes no "ping"), then a shop call with the stored token proves the authorization.
 */
export async function testShopeeAccount(store: Store, box: SecretBox, accountId: number, now: () => number): Promise<MarketplaceTestResult> {
  const row = readShopeeAccount(store, accountId);
  const issue = settingsIssueOf(box, row);
  if (issue) return { ok: false, code: 'MARKETPLACE_SETTINGS_INVALID', message: `The account lacks a setting: ${issue.replace(/_/g, ' ')}`, hint: 'settings', credentialsOk: false, shopOk: false };
  const auth = readAuth(store, accountId);
  if (auth?.shop_id && auth.tokens_sealed && auth.needs_reconnect !== 1) {
    try {
      await getItemList(shopeeShopFor(store, box, accountId, { now }), { offset: 0, pageSize: 1, itemStatus: ['NORMAL'] });
      return { ok: true, code: null, message: `Shopee accepted the partner key and the token of shop ${auth.shop_name || auth.shop_id}`, hint: null, credentialsOk: true, shopOk: true };
    } catch (error) {
      const result = failure(error, 'shop');
      // A refused signature on a shop call is the key (or the app), not the token.
      if (result.code === 'SHOPEE_SIGN_INVALID' || result.code === 'SHOPEE_CLOCK' || result.code === 'SHOPEE_PARTNER_INVALID') result.credentialsOk = false;
      return result;
    }
  }
  try {
    await shopeeClientFor(box, row, now).getAccessToken({ code: 'packdesk-connection-test', shopId: auth?.shop_id || '1' });
    // A made-up code accepted is not possible; should it happen, the key is still proven.
  } catch (error) {
    const result = failure(error, 'credentials');
    // Refusing the made-up code is the expected answer; anything about the signature, the app, the clock or the network is not.
    const e = error as JobError;
    if (result.hint && result.hint !== 'reconnect' && result.hint !== 'connect') return result;
    if (e.kind === 'transient' || e.kind === 'rate_limited' || e.kind === 'offline') return result;
  }
  if (auth?.needs_reconnect === 1) {
    return { ok: false, code: 'SHOPEE_RECONNECT_NEEDED', message: `The partner key works, but the shop must be connected again: ${auth.reconnect_reason ?? ''}`.trim(), hint: 'reconnect', credentialsOk: true, shopOk: false };
  }
  return { ok: false, code: 'SHOPEE_NOT_CONNECTED', message: 'Shopee accepted the partner id and key; no shop is connected yet', hint: 'connect', credentialsOk: true, shopOk: false };
}

/** Records the test's outcome on the account (Connections shows last ok / last error). */
export function recordTest(store: Store, accountId: number, result: MarketplaceTestResult, now: number): void {
  const okEnough = result.ok || result.code === 'SHOPEE_NOT_CONNECTED';
  store.prepare('UPDATE connector_accounts SET last_ok_at = CASE WHEN ? THEN ? ELSE last_ok_at END, last_error = ? WHERE id = ?')
    .run(Number(okEnough), now, okEnough ? null : result.message.slice(0, 500), accountId);
}

interface JobRow { id: number; kind: string; status: string; last_error_code: string | null; last_error_message: string | null; last_error_hint: string | null; updated_at: number; subject_type: string | null; subject_id: number | null }

/** Queued and failed outbox jobs per marketplace account, with what to do about the failures. */
export function jobHealth(store: Store, accountId?: number): MarketplaceJobHealth[] {
  const accounts = store.prepare(`SELECT id, last_error FROM connector_accounts WHERE provider = 'shopee' AND (? IS NULL OR id = ?) ORDER BY name, id`)
    .all(accountId ?? null, accountId ?? null) as { id: number; last_error: string | null }[];
  const counts = store.prepare(`SELECT sum(status = 'queued') AS queued, sum(status = 'running') AS running, sum(status = 'failed') AS failed FROM jobs WHERE account_id = ?`);
  const failed = store.prepare(`SELECT id, kind, status, last_error_code, last_error_message, last_error_hint, updated_at, subject_type, subject_id
    FROM jobs WHERE account_id = ? AND status = 'failed' ORDER BY updated_at DESC, id DESC LIMIT 10`);
  return accounts.map((a) => {
    const c = counts.get(a.id) as { queued: number | null; running: number | null; failed: number | null };
    return {
      accountId: a.id, queued: c.queued ?? 0, running: c.running ?? 0, failed: c.failed ?? 0,
      failedJobs: (failed.all(a.id) as JobRow[]).map((j) => ({
        id: j.id, kind: j.kind, code: j.last_error_code ?? 'UNKNOWN', message: j.last_error_message ?? '', providerHint: j.last_error_hint ?? '',
        hint: marketplaceHintFor(j.last_error_code), at: j.updated_at, subjectLabel: j.subject_type ? `${j.subject_type} #${j.subject_id}` : null,
      })),
      lastError: a.last_error,
      lastErrorHint: a.last_error ? hintFromText(a.last_error) : null,
    };
  });
}

/** The account's last error is free text; the phrases our own code writes into it say what to do. */
function hintFromText(text: string) {
  if (/connect the shop again|reconnect/i.test(text)) return 'reconnect' as const;
  if (/signature|wrong sign|partner key/i.test(text)) return 'partner_key' as const;
  if (/request time|timestamp/i.test(text)) return 'clock' as const;
  if (/partner[_ ]?id/i.test(text)) return 'partner_id' as const;
  return null;
}
