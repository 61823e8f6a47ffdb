import { z } from 'zod';
import { command } from './contract.js';
import { id, requiredText } from './common.js';

export const PROVIDERS = ['ghn', 'viettelpost'] as const;
export const ENVIRONMENTS = ['production', 'sandbox', 'custom'] as const;

/** Label sizes each carrier prints (specs A1.7: GHN printA5 / print80x80 / print52x70; A2.7: VTP types 1 / 2 / 100). */
export const LABEL_SIZES = { ghn: ['a5', '80x80', '52x70'], viettelpost: ['a5', 'a6', 'a7'] } as const;
export type LabelSize = (typeof LABEL_SIZES)[keyof typeof LABEL_SIZES][number];
export const ALL_LABEL_SIZES = [...new Set(Object.values(LABEL_SIZES).flat())] as LabelSize[];
/** The size an account prints until its settings say otherwise (what the app always used). */
export const DEFAULT_LABEL_SIZE = { ghn: 'a5', viettelpost: 'a6' } as const satisfies Record<(typeof PROVIDERS)[number], LabelSize>;

/** An account's label size, checked against its carrier; unset means the default. */
export function labelSizeIssue(provider: (typeof PROVIDERS)[number], settings: Record<string, unknown> | undefined): { path: string[]; message: string; values: string[] } | null {
  const size = settings?.labelSize;
  if (size === undefined || size === null || (LABEL_SIZES[provider] as readonly unknown[]).includes(size)) return null;
  return { path: ['settings', 'labelSize'], message: `${provider} prints labels in ${LABEL_SIZES[provider].join(', ')}`, values: [...LABEL_SIZES[provider]] };
}

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

const settings = z.record(z.string(), z.union([z.string().max(300), z.number(), z.boolean(), z.null()]))
  // Which sizes fit depends on the carrier; create checks that, update leaves it to the account's provider.
  .refine((s) => s.labelSize === undefined || s.labelSize === null || (ALL_LABEL_SIZES as unknown[]).includes(s.labelSize), { message: 'unknown label size', path: ['labelSize'] });
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
  // Settings (shop ids, usernames, hosts) are for managers; packers pick a carrier by name (connections.carriers).
  'connections.list': command({ role: 'manager', readonly: true, input: z.object({ provider: z.enum(PROVIDERS).optional() }), output: z.array(connection) }),
  'connections.carriers': command({
    role: 'packer', readonly: true, input: z.object({}).strict(),
    output: z.array(z.object({ id, provider: z.enum(PROVIDERS), name: z.string(), active: z.boolean(), labelSize: z.enum(ALL_LABEL_SIZES as [LabelSize, ...LabelSize[]]) })),
  }),
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
    }).refine((v) => v.environment !== 'custom' || v.baseUrl !== '', { message: 'a custom environment needs a base URL', path: ['baseUrl'] })
      .superRefine((v, ctx) => {
        const issue = labelSizeIssue(v.provider, v.settings);
        if (issue) ctx.addIssue({ code: 'invalid_value', values: issue.values, input: v.settings.labelSize, path: issue.path, message: issue.message });
      }),
    output: connection,
  }),
  'connections.update': command({ role: 'admin', input: fields.partial().extend({ id }), output: connection }),
  'connections.test': command({
    role: 'manager',
    input: z.object({ id }),
    output: z.object({ ok: z.boolean(), message: z.string(), code: z.string().nullable() }),
  }),
};
