import { JobError, isJobError } from '../../../sync/job-error.js';
import { singleFlight } from '../../carriers/shared/single-flight.js';
import type { ShopeeClient } from './shopee-client.js';
import { refreshFailureNeedsReconnect } from './shopee-errors.js';
import type { TokenResponse } from './shopee-schemas.js';
import type { ShopTokenSource } from './shopee-shop.js';

// Token lifecycle (spec §1.2, pitfalls §6 "single-use refresh tokens"): refresh ahead of expiry, one
// refresh at a time per shop, the new pair persisted before it is used, and a dead authorization marks
// the account "needs reconnect" instead of failing quietly.

export interface TokenState {
  accessToken: string;
  refreshToken: string;
  /** ms */
  accessExpiresAt: number;
  /** ms */
  refreshExpiresAt: number;
  needsReconnect: boolean;
}

/** Refresh when less than this is left of the access token (4 h life; jobs may take a while). */
export const REFRESH_MARGIN_MS = 10 * 60_000;
/** Refresh token life [C2] SH-AUTH: 30 days, single use. Shopee does not send it, so we count it. */
export const REFRESH_LIFE_MS = 30 * 86_400_000;

export type TokenDecision = 'use' | 'refresh' | 'reconnect';

/** Pure: what to do with the stored pair now. */
export function tokenDecision(state: TokenState | null, now: number, margin = REFRESH_MARGIN_MS): TokenDecision {
  if (!state || state.needsReconnect || !state.refreshToken) return 'reconnect';
  if (state.refreshExpiresAt <= now) return 'reconnect';
  if (!state.accessToken || state.accessExpiresAt - now <= margin) return 'refresh';
  return 'use';
}

/** Pure: the pair to store from a token answer received at `now`. */
export function tokenStateFrom(res: TokenResponse, now: number): TokenState {
  return { accessToken: res.access_token, refreshToken: res.refresh_token, accessExpiresAt: now + res.expire_in * 1000, refreshExpiresAt: now + REFRESH_LIFE_MS, needsReconnect: false };
}

/** Where a shop's pair lives (sealed in the store). `save` must have committed when it returns. */
export interface TokenVault {
  load(): TokenState | null;
  save(next: TokenState): void;
  markNeedsReconnect(reason: string): void;
}

export const reconnectError = (reason: string): JobError =>
  new JobError('auth', 'SHOPEE_RECONNECT_NEEDED', `The Shopee shop must be connected again: ${reason}`, { hint: 'Open Kênh bán (Channels) and connect the shop again.' });

export class ShopeeTokens implements ShopTokenSource {
  /** Concurrent callers share one refresh: a refresh token works once. */
  readonly refresh: () => Promise<string>;

  constructor(private readonly client: ShopeeClient, readonly shopId: string, private readonly vault: TokenVault, private readonly now: () => number = client.now) {
    this.refresh = singleFlight(() => this.refreshNow());
  }

  async accessToken(): Promise<string> {
    const state = this.vault.load();
    const decision = tokenDecision(state, this.now());
    if (decision === 'use') return state!.accessToken;
    if (decision === 'reconnect') throw reconnectError(state?.needsReconnect ? 'the authorization was refused or expired' : 'the refresh token has expired (30 days without use)');
    return this.refresh();
  }

  async afterRejection(rejected: string): Promise<string> {
    const state = this.vault.load();
    // Someone refreshed since this token was read: use theirs rather than spend another refresh token.
    if (state && state.accessToken !== rejected && tokenDecision(state, this.now()) === 'use') return state.accessToken;
    return this.refresh();
  }

  private async refreshNow(): Promise<string> {
    // Read inside the flight: the pair a finished refresh stored is the one to spend.
    const state = this.vault.load();
    if (!state || state.needsReconnect || !state.refreshToken) throw reconnectError('the shop has no valid authorization');
    let res: TokenResponse;
    try {
      res = await this.client.refreshAccessToken({ refreshToken: state.refreshToken, shopId: this.shopId });
    } catch (error) {
      if (isJobError(error) && refreshFailureNeedsReconnect(error)) {
        this.vault.markNeedsReconnect(error.message);
        throw reconnectError(error.message);
      }
      throw error;
    }
    const next = tokenStateFrom(res, this.now());
    // Persist before use: if the process dies after this line, the next start spends the new refresh token.
    this.vault.save(next);
    return next.accessToken;
  }
}
