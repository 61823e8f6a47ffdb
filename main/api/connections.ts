import { z } from 'zod';
import { command } from './contract.js';
import { id, requiredText } from './common.js';

export const PROVIDERS = ['ghn', 'viettelpost'] as const;
export const ENVIRONMENTS = ['production', 'sandbox', 'custom'] as const;

/** Secrets go in, never come out: the view says only which ones are set. */
export const connection = z.object({
  id,
  provider: z.enum(PROVIDERS),
  name: z.string(),
  environment: z.enum(ENVIRONMENTS),
  baseUrl: z.string(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  secretsSet: z.array(z.string()),
  ratePerMinute: z.number().int(),
  concurrency: z.number().int(),
  active: z.boolean(),
  lastOkAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type Connection = z.infer<typeof connection>;

const settings = z.record(z.string(), z.union([z.string().max(300), z.number(), z.boolean(), z.null()]));
const secrets = z.record(z.string(), z.string().max(2000));

const fields = z.object({
  name: requiredText(80),
  environment: z.enum(ENVIRONMENTS),
  baseUrl: z.union([z.literal(''), z.string().trim().url().max(300)]),
  settings,
  /** Only the secrets given are replaced; an empty string removes one. */
  secrets,
  ratePerMinute: z.number().int().min(1).max(10_000),
  concurrency: z.number().int().min(1).max(16),
  active: z.boolean(),
});

export const connectionsContract = {
  // Packers book parcels, so they see the accounts (never their secrets).
  'connections.list': command({ role: 'packer', readonly: true, input: z.object({ provider: z.enum(PROVIDERS).optional() }), output: z.array(connection) }),
  'connections.create': command({
    role: 'admin',
    input: fields.extend({
      provider: z.enum(PROVIDERS),
      baseUrl: fields.shape.baseUrl.default(''),
      settings: settings.default({}),
      secrets: secrets.default({}),
      ratePerMinute: fields.shape.ratePerMinute.default(120),
      concurrency: fields.shape.concurrency.default(2),
      active: z.boolean().default(true),
    }).refine((v) => v.environment !== 'custom' || v.baseUrl !== '', { message: 'a custom environment needs a base URL', path: ['baseUrl'] }),
    output: connection,
  }),
  'connections.update': command({ role: 'admin', input: fields.partial().extend({ id }), output: connection }),
  'connections.test': command({
    role: 'manager',
    input: z.object({ id }),
    output: z.object({ ok: z.boolean(), message: z.string(), code: z.string().nullable() }),
  }),
};
