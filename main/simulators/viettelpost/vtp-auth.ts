// Login → short token, ownerconnect → long token (spec A2.2). Every business call checks the `Token`
// header; both kinds of token are accepted, each until it expires on the simulator clock.

import { bodyObject } from '../shared/json-body.js';
import type { Clock } from '../shared/clock.js';
import { randomString, type Random } from '../shared/prng.js';
import type { Route, SimReply, SimRequest } from '../shared/sim-server.js';
import { text } from './vtp-fields.js';
import { vtpBadToken, vtpError, vtpMissingToken, vtpOk, vtpUnreadableBody } from './vtp-replies.js';

export interface VtpUser {
  username: string;
  password: string;
}

export interface VtpAccount extends VtpUser {
  userId: number;
  /** CUS_ID in listInventory and in webhooks. */
  cusId: number;
}

interface IssuedToken {
  account: VtpAccount;
  kind: 'short' | 'long';
  expiresAt: number;
}

export type VtpHandler = (req: SimRequest, body: Record<string, unknown>, account: VtpAccount) => SimReply;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class VtpAuth {
  readonly accounts: VtpAccount[];
  private tokens = new Map<string, IssuedToken>();

  constructor(
    users: readonly VtpUser[],
    private readonly clock: Clock,
    private readonly random: Random,
    private readonly shortTtlMs: number,
    private readonly longTtlMs: number,
  ) {
    this.accounts = users.map((u, i) => ({ ...u, userId: 7_000_100 + i, cusId: 1_000_200 + i }));
  }

  /** JWT-shaped like VTP's, so clients that store or log it see a realistic length. */
  private issue(account: VtpAccount, kind: 'short' | 'long'): IssuedToken & { token: string } {
    const expiresAt = this.clock() + (kind === 'short' ? this.shortTtlMs : this.longTtlMs);
    const payload = Buffer.from(JSON.stringify({ UserId: account.userId, Phone: account.username, SSOID: kind, exp: Math.floor(expiresAt / 1000) })).toString('base64url');
    const token = `eyJhbGciOiJFUzI1NiJ9.${payload}.${randomString(this.random, B64URL, 86)}`;
    const issued = { account, kind, expiresAt };
    this.tokens.set(token, issued);
    return { ...issued, token };
  }

  private credentials(body: Record<string, unknown>): VtpAccount | undefined {
    return this.accounts.find((a) => a.username === text(body.USERNAME) && a.password === text(body.PASSWORD));
  }

  private loginReply(t: IssuedToken & { token: string }, note: string): SimReply {
    return vtpOk(
      { userId: t.account.userId, token: t.token, partner: t.account.cusId, phone: t.account.username, expired: t.expiresAt, encrypted: null, source: -1 },
      'OK',
      note,
    );
  }

  expireAll(): void {
    this.tokens.clear();
  }

  /** The account behind a valid token, or the reply VTP gives for a missing/bad/expired one. */
  check(req: SimRequest): { ok: true; account: VtpAccount; kind: 'short' | 'long' } | { ok: false; reply: SimReply } {
    const token = req.header('token')?.trim();
    if (!token) return { ok: false, reply: vtpMissingToken() };
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAt <= this.clock()) return { ok: false, reply: vtpBadToken() };
    return { ok: true, account: issued.account, kind: issued.kind };
  }

  withToken(handler: VtpHandler): (req: SimRequest) => SimReply {
    return (req) => {
      const auth = this.check(req);
      if (!auth.ok) return auth.reply;
      const body = decode(req);
      return body.ok ? handler(req, body.value, auth.account) : body.reply;
    };
  }

  routes(): Route[] {
    return [
      {
        methods: ['POST'],
        path: '/v2/user/Login',
        handler: (req) => {
          const body = decode(req);
          if (!body.ok) return body.reply;
          const account = this.credentials(body.value);
          return account ? this.loginReply(this.issue(account, 'short'), 'login') : vtpError('Invalid owner account or password!', 204, 'unauthorized');
        },
      },
      {
        methods: ['POST'],
        path: '/v2/user/ownerconnect',
        handler: this.withToken((_req, body, tokenAccount) => {
          const account = this.credentials(body);
          if (!account || account.username !== tokenAccount.username) return vtpError('Invalid owner account or password!', 204, 'unauthorized');
          return this.loginReply(this.issue(account, 'long'), 'ownerconnect');
        }),
      },
    ];
  }
}

type Decoded = { ok: true; value: Record<string, unknown> } | { ok: false; reply: SimReply };

export function decode(req: SimRequest): Decoded {
  if (req.body.kind === 'empty') return { ok: true, value: {} };
  if (req.body.kind === 'invalid') return { ok: false, reply: vtpUnreadableBody(req, req.body.error) };
  const obj = bodyObject(req.body);
  return obj ? { ok: true, value: obj } : { ok: false, reply: vtpUnreadableBody(req, 'expected a JSON object') };
}
