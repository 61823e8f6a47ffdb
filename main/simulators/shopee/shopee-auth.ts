// Partners, authorization codes, token pairs and the per-request checks of spec §1.2–1.3: common
// params in the query, timestamp within 300 s, the sign, then (Shop API) the shop and its token.
// Codes are single use (10 min); refresh tokens are single use and every refresh returns a new pair.

import type { Clock } from '../shared/clock.js';
import { HEX, randomString, type Random } from '../shared/prng.js';
import type { SimReply, SimRequest } from '../shared/sim-server.js';
import { MESSAGES, type ShopeeReplies } from './shopee-replies.js';
import { signMatches } from './shopee-sign.js';

export interface ShopeePartner {
  partnerId: number;
  partnerKey: string;
}

export interface TokenLifetimes {
  /** Default 4 h (spec §1.2). */
  accessMs?: number;
  /** Default 30 days, single use. */
  refreshMs?: number;
  /** Authorization code; default 10 min, single use. */
  codeMs?: number;
  /** Allowed age of `timestamp`; default 300 s. */
  timestampWindowS?: number;
}

interface Grant {
  partnerId: number;
  shopId: number;
  expiresAt: number;
  used: boolean;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expireInS: number;
}

export interface ShopContext {
  partnerId: number;
  shopId: number;
  accessToken: string;
}

/** Which error an invalid or expired access token gets: both appear in Shopee's common error list. */
export type TokenErrorStyle = 'error_auth' | 'invalid_acceess_token';

const UINT32_MAX = 4294967295;
const isUint32 = (s: string) => /^\d{1,10}$/.test(s) && Number(s) <= UINT32_MAX;

export class ShopeeAuth {
  private partners = new Map<number, ShopeePartner>();
  private codes = new Map<string, Grant>();
  private access = new Map<string, Grant>();
  private refresh = new Map<string, Grant>();
  /** When each partner+shop was last authorized (code exchange): get_shop_info's auth_time. */
  private authorized = new Map<string, number>();
  readonly accessMs: number;
  readonly refreshMs: number;
  readonly codeMs: number;
  readonly windowS: number;
  tokenErrorStyle: TokenErrorStyle = 'error_auth';

  constructor(
    partners: readonly ShopeePartner[],
    private readonly knowsShop: (shopId: number) => boolean,
    lifetimes: TokenLifetimes,
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly replies: ShopeeReplies,
  ) {
    for (const p of partners) this.partners.set(p.partnerId, p);
    this.accessMs = lifetimes.accessMs ?? 4 * 3600_000;
    this.refreshMs = lifetimes.refreshMs ?? 30 * 86400_000;
    this.codeMs = lifetimes.codeMs ?? 10 * 60_000;
    this.windowS = lifetimes.timestampWindowS ?? 300;
  }

  partner(partnerId: number): ShopeePartner | undefined {
    return this.partners.get(partnerId);
  }

  firstPartner(): ShopeePartner {
    const first = this.partners.values().next().value;
    if (!first) throw new Error('Shopee simulator: no partner configured');
    return first;
  }

  issueCode(partnerId: number, shopId: number): string {
    const code = randomString(this.random, HEX, 32);
    this.codes.set(code, { partnerId, shopId, expiresAt: this.clock() + this.codeMs, used: false });
    return code;
  }

  /** code → pair; the code is spent whether or not the shop matches, like a real one-time code. */
  exchangeCode(partnerId: number, shopId: number, code: string): TokenPair | SimReply {
    const grant = this.codes.get(code);
    if (!grant || grant.used || grant.expiresAt <= this.clock() || grant.partnerId !== partnerId) {
      return this.replies.error('error_auth', MESSAGES.invalidCode);
    }
    grant.used = true;
    if (grant.shopId !== shopId) return this.replies.error('error_auth', MESSAGES.invalidCode);
    this.authorized.set(`${partnerId}:${shopId}`, this.clock());
    return this.issuePair(partnerId, shopId);
  }

  refreshPair(partnerId: number, shopId: number, refreshToken: string): TokenPair | SimReply {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.used || grant.expiresAt <= this.clock() || grant.partnerId !== partnerId || grant.shopId !== shopId) {
      return this.replies.error('error_auth', MESSAGES.invalidRefreshToken);
    }
    grant.used = true;
    // [?] The old access token keeps working until its own expiry.
    return this.issuePair(partnerId, shopId);
  }

  /** Makes every access token (of one shop, or all) expired now; refresh tokens stay usable. */
  expireAccessTokens(shopId?: number): number {
    let n = 0;
    for (const g of this.access.values()) {
      if (shopId === undefined || g.shopId === shopId) {
        g.expiresAt = Math.min(g.expiresAt, this.clock());
        n++;
      }
    }
    return n;
  }

  expireRefreshTokens(shopId?: number): number {
    let n = 0;
    for (const g of this.refresh.values()) {
      if (shopId === undefined || g.shopId === shopId) {
        g.expiresAt = Math.min(g.expiresAt, this.clock());
        n++;
      }
    }
    return n;
  }

  /** When the shop authorized the partner (ms), or undefined when it never did. */
  authorizedAt(partnerId: number, shopId: number): number | undefined {
    return this.authorized.get(`${partnerId}:${shopId}`);
  }

  reset(): void {
    this.authorized.clear();
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
  }

  private issuePair(partnerId: number, shopId: number): TokenPair {
    const now = this.clock();
    const accessToken = randomString(this.random, HEX, 32);
    const refreshToken = randomString(this.random, HEX, 32);
    this.access.set(accessToken, { partnerId, shopId, expiresAt: now + this.accessMs, used: false });
    this.refresh.set(refreshToken, { partnerId, shopId, expiresAt: now + this.refreshMs, used: false });
    return { accessToken, refreshToken, expireInS: Math.floor(this.accessMs / 1000) };
  }

  /** Public API checks (auth link, token calls): partner_id + path + timestamp. */
  verifyPublic(req: SimRequest): ShopeePartner | SimReply {
    const common = this.common(req);
    if ('status' in common) return common;
    const { partner, timestamp, sign } = common;
    if (!signMatches(partner.partnerKey, { partnerId: String(partner.partnerId), path: req.path, timestamp }, sign)) {
      return this.replies.error('error_sign', MESSAGES.wrongSign);
    }
    return partner;
  }

  /** Shop API checks: + access_token + shop_id, in the query and in the sign. */
  verifyShop(req: SimRequest): ShopContext | SimReply {
    const common = this.common(req);
    if ('status' in common) return common;
    const { partner, timestamp, sign } = common;
    const accessToken = req.query.get('access_token');
    if (!accessToken) return this.replies.param(MESSAGES.noParam('access_token'));
    const shopRaw = req.query.get('shop_id');
    if (!shopRaw) return this.replies.param(MESSAGES.noParam('shop_id'));
    if (!isUint32(shopRaw)) return this.replies.error('error_shop', MESSAGES.invalidShop);
    const parts = { partnerId: String(partner.partnerId), path: req.path, timestamp, accessToken, shopId: shopRaw };
    if (!signMatches(partner.partnerKey, parts, sign)) return this.replies.error('error_sign', MESSAGES.wrongSign);
    const shopId = Number(shopRaw);
    if (!this.knowsShop(shopId)) return this.replies.error('error_shop', MESSAGES.invalidShop);
    const grant = this.access.get(accessToken);
    if (!grant || grant.expiresAt <= this.clock() || grant.partnerId !== partner.partnerId || grant.shopId !== shopId) {
      return this.replies.error(this.tokenErrorStyle, MESSAGES.invalidAccessToken, 'unauthorized');
    }
    return { partnerId: partner.partnerId, shopId, accessToken };
  }

  private common(req: SimRequest): { partner: ShopeePartner; timestamp: string; sign: string } | SimReply {
    const partnerRaw = req.query.get('partner_id');
    if (!partnerRaw) return this.replies.param(MESSAGES.noParam('partner_id'));
    const timestamp = req.query.get('timestamp');
    if (!timestamp) return this.replies.param(MESSAGES.noParam('timestamp'));
    const sign = req.query.get('sign');
    if (!sign) return this.replies.param(MESSAGES.noParam('sign'));
    const partner = isUint32(partnerRaw) ? this.partners.get(Number(partnerRaw)) : undefined;
    if (!partner) return this.replies.param(MESSAGES.invalidPartner);
    if (!/^\d{1,12}$/.test(timestamp)) return this.replies.param(MESSAGES.invalidTimestamp);
    const age = Math.floor(this.clock() / 1000) - Number(timestamp);
    if (age > this.windowS) return this.replies.param(MESSAGES.timestampExpired);
    // [?] A timestamp from the future beyond the same window.
    if (age < -this.windowS) return this.replies.param(MESSAGES.invalidTimestamp);
    return { partner, timestamp, sign };
  }
}
