import type { z } from 'zod';
import { isJobError } from '../../../sync/job-error.js';
import type { ShopeeClient, ShopeeRequest } from './shopee-client.js';

/** Where a shop's access token comes from (shopee-tokens.ts): current token, and a refresh after a refusal. */
export interface ShopTokenSource {
  readonly shopId: string;
  accessToken(): Promise<string>;
  /** Shopee refused `rejected`: refresh once (shared by concurrent callers) unless a newer token exists; returns the token to retry with. */
  afterRejection(rejected: string): Promise<string>;
}

/**
 * A shop-bound view of the client: every call carries the shop's token, and a call refused for its token
 * is retried once with a refreshed one (pitfall §6: make that idempotent — the refresh is single-flight,
 * and a second refusal surfaces).
 */
export class ShopeeShop {
  constructor(readonly client: ShopeeClient, readonly tokens: ShopTokenSource) {}

  get shopId(): string {
    return this.tokens.shopId;
  }

  async call<S extends z.ZodType>(req: ShopeeRequest, schema: S): Promise<z.output<S>> {
    return this.withToken((accessToken) => this.client.shopCall(req, { accessToken, shopId: this.shopId }, schema));
  }

  async download(req: ShopeeRequest): Promise<{ contentType: string; body: Buffer }> {
    return this.withToken((accessToken) => this.client.shopDownload(req, { accessToken, shopId: this.shopId }));
  }

  private async withToken<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.accessToken();
    try {
      return await fn(token);
    } catch (error) {
      if (!isJobError(error) || error.code !== 'SHOPEE_TOKEN_INVALID') throw error;
      const next = await this.tokens.afterRejection(token);
      return fn(next);
    }
  }
}
