import { randomBytes } from 'node:crypto';
import { CommandError, fail } from '../../../api/errors.js';
import type { ShopeeStatus } from '../../../api/marketplaces.js';
import { parseRedirectedUrl, RedirectClosed, RedirectTimeout, startRedirectListener, type RedirectListener, type RedirectParams } from '../../../connectors/marketplaces/shopee/shopee-redirect.js';
import { getShopInfo } from '../../../connectors/marketplaces/shopee/shopee-shop-info.js';
import { tokenStateFrom } from '../../../connectors/marketplaces/shopee/shopee-tokens.js';
import type { SecretBox } from '../../../core/secret-box.js';
import { isJobError, type JobError } from '../../../sync/job-error.js';
import type { Store } from '../../../store/store.js';
import { readAuth, readShopeeAccount, saveConnection, settingsIssueOf, shopeeClientFor, shopeeShopFor, toStatus } from './shopee-account.js';

// Connecting a shop (issue 5 §1, spec §1.2): link → seller approves → redirect with code → tokens.

/** The auth link's signature is good for 5 minutes (§1.2). */
export const LINK_LIFE_MS = 5 * 60_000;
/** The code is valid 10 minutes; a seller who logs in slowly still fits. */
export const LISTEN_MS = 10 * 60_000;

interface Deps {
  store: Store;
  secrets: SecretBox;
  now: () => number;
}

interface Pending {
  state: string;
  listener: RedirectListener;
  /** Set once the code has been taken (by the listener or a pasted URL): a code works once. */
  taken: boolean;
  outcome: Promise<ShopeeStatus>;
  settle: { resolve: (s: ShopeeStatus) => void; reject: (e: unknown) => void };
}

const pendings = new WeakMap<Store, Map<number, Pending>>();
const pendingOf = (store: Store) => {
  let m = pendings.get(store);
  if (!m) pendings.set(store, (m = new Map()));
  return m;
};

export const isAwaitingRedirect = (store: Store, accountId: number): boolean => {
  const p = pendingOf(store).get(accountId);
  return !!p && !p.taken;
};

export function statusOf(deps: Deps, accountId: number): ShopeeStatus {
  const row = readShopeeAccount(deps.store, accountId);
  return toStatus(deps.secrets, row, readAuth(deps.store, accountId), isAwaitingRedirect(deps.store, accountId));
}

function requireSettings(deps: Deps, accountId: number) {
  const row = readShopeeAccount(deps.store, accountId);
  const issue = settingsIssueOf(deps.secrets, row);
  if (issue) fail('MARKETPLACE_SETTINGS_INVALID', `${row.name}: ${issue.replace(/_/g, ' ')}`, { reason: issue, accountId });
  return row;
}

/** Starts (or restarts) the loopback listener and signs a fresh link pointing at it. */
export async function startAuth(deps: Deps, accountId: number, opts: { listenMs?: number } = {}) {
  const row = requireSettings(deps, accountId);
  const map = pendingOf(deps.store);
  map.get(accountId)?.listener.close();
  const state = randomBytes(16).toString('hex');
  const listenMs = opts.listenMs ?? LISTEN_MS;
  const listener = await startRedirectListener({ state, timeoutMs: listenMs });
  let settle!: Pending['settle'];
  const outcome = new Promise<ShopeeStatus>((resolve, reject) => (settle = { resolve, reject }));
  outcome.catch(() => {});
  const pending: Pending = { state, listener, taken: false, outcome, settle };
  map.set(accountId, pending);
  listener.result.then(
    (params) => {
      if (pending.taken) return;
      pending.taken = true;
      exchange(deps, accountId, params).then(settle.resolve, settle.reject);
    },
    (error) => {
      if (pending.taken) return;
      pending.taken = true;
      settle.reject(error);
    },
  );
  const url = shopeeClientFor(deps.secrets, row, deps.now).authPartnerUrl(listener.redirectUri);
  const now = deps.now();
  return { url, redirectUri: listener.redirectUri, linkExpiresAt: now + LINK_LIFE_MS, listenUntil: now + listenMs };
}

/** Waits for the listener's redirect and the token exchange it starts. */
export async function awaitRedirect(deps: Deps, accountId: number): Promise<ShopeeStatus> {
  readShopeeAccount(deps.store, accountId);
  const pending = pendingOf(deps.store).get(accountId);
  if (!pending) fail('CONFLICT', 'No Shopee authorization is waiting: create the link first', { reason: 'no_pending_auth' });
  try {
    return await pending!.outcome;
  } catch (error) {
    if (error instanceof RedirectTimeout) fail('MARKETPLACE_AUTH_TIMEOUT', 'No redirect from Shopee arrived in time; paste the URL the browser shows, or create a new link', { accountId });
    if (error instanceof RedirectClosed) fail('CONFLICT', 'A newer Shopee link replaced this one', { reason: 'auth_superseded' });
    throw error;
  } finally {
    if (pendingOf(deps.store).get(accountId) === pending) pendingOf(deps.store).delete(accountId);
  }
}

/** The fallback: the operator pastes the URL the browser was redirected to. */
export async function completeAuth(deps: Deps, accountId: number, redirectedUrl: string): Promise<ShopeeStatus> {
  requireSettings(deps, accountId);
  const parsed = parseRedirectedUrl(redirectedUrl);
  if (!parsed.ok) fail('MARKETPLACE_REDIRECT_INVALID', `The pasted address has no Shopee authorization (${parsed.issue})`, { reason: parsed.issue, field: 'redirectedUrl' });
  const params = (parsed as { ok: true; params: RedirectParams }).params;
  const map = pendingOf(deps.store);
  const pending = map.get(accountId);
  if (params.state && pending && params.state !== pending.state) {
    fail('MARKETPLACE_REDIRECT_INVALID', 'The pasted address belongs to an older link; use the newest one', { reason: 'state_mismatch', field: 'redirectedUrl' });
  }
  if (pending?.taken && (!params.state || params.state === pending.state)) {
    // The listener already took this code: wait for its exchange rather than spend the code twice.
    return awaitRedirect(deps, accountId);
  }
  if (pending) {
    pending.taken = true;
    pending.listener.close();
    map.delete(accountId);
  }
  const result = exchange(deps, accountId, params);
  if (pending) result.then(pending.settle.resolve, pending.settle.reject);
  return result;
}

/** code → tokens, persisted; then the shop's name, best effort (the connection stands without it). */
export async function exchange(deps: Deps, accountId: number, params: RedirectParams): Promise<ShopeeStatus> {
  const row = readShopeeAccount(deps.store, accountId);
  const client = shopeeClientFor(deps.secrets, row, deps.now);
  let shopId = params.shopId;
  try {
    const res = await client.getAccessToken({ code: params.code, shopId: params.shopId || undefined, mainAccountId: params.shopId ? undefined : params.mainAccountId });
    // A main account answers with the shops it authorized; the first one is connected ([?] several shops per account: issue 5 later).
    shopId ||= res.shop_id ?? res.shop_id_list?.[0] ?? '';
    if (!shopId) fail('MARKETPLACE_AUTH_FAILED', 'Shopee authorized no shop', { reason: 'no_shop' });
    const tokens = tokenStateFrom(res, deps.now());
    deps.store.tx(() => saveConnection(deps.store, deps.secrets, accountId, { shopId, mainAccountId: params.mainAccountId }, tokens, deps.now()));
  } catch (error) {
    throw commandErrorOf(error);
  }
  try {
    const info = await getShopInfo(shopeeShopFor(deps.store, deps.secrets, accountId, { now: deps.now }));
    deps.store.tx(() => deps.store.prepare('UPDATE marketplace_authorizations SET shop_name = ?, updated_at = ? WHERE account_id = ?').run(info.shop_name, deps.now(), accountId));
  } catch {
    // The name is cosmetic: the next status shows the id until a later call fills it.
  }
  return statusOf(deps, accountId);
}

/** A connector failure as the command error the operator sees. */
export function commandErrorOf(error: unknown): unknown {
  if (error instanceof CommandError || !isJobError(error)) return error;
  const e = error as JobError;
  const details = { providerCode: e.code, hint: e.hint };
  if (e.kind === 'offline') return new CommandError('OFFLINE', e.message, details);
  if (e.kind === 'transient' || e.kind === 'rate_limited') return new CommandError('MARKETPLACE_UNAVAILABLE', e.message, details);
  return new CommandError('MARKETPLACE_AUTH_FAILED', e.message, details);
}

/** Closes every listener of a store (core shutdown, tests). */
export function closeAuthListeners(store: Store): void {
  for (const p of pendingOf(store).values()) p.listener.close();
  pendings.delete(store);
}
