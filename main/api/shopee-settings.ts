import { z } from 'zod';

// A Shopee account's settings in the connections model (connector_accounts): `settings.partnerId`
// (the app's Partner ID from the Open Platform console) and `secrets.partnerKey`. Environment and
// custom base URL are the account's own columns (DESIGN.md rule 11). The shop id and tokens are not
// settings: connecting the shop writes them (marketplace_authorizations).

/** `partner_id` is an integer in [0, 4294967295] (spec §1.3); kept as text. */
export const shopeePartnerId = z.union([z.string().trim(), z.number().int()])
  .transform(String)
  .refine((v) => /^\d{1,10}$/.test(v) && Number(v) <= 4_294_967_295, { message: 'partner id is a whole number up to 4294967295' });

export const shopeeSettings = z.looseObject({ partnerId: shopeePartnerId });

/**
 * The first problem with a Shopee account's settings, for connections.create / update (the hook:
 * `if (provider === 'shopee') { const issue = shopeeSettingsIssue(settings); if (issue) … }`).
 */
export function shopeeSettingsIssue(settings: Record<string, unknown> | undefined): { path: string[]; message: string } | null {
  const out = shopeeSettings.safeParse(settings ?? {});
  if (out.success) return null;
  const first = out.error.issues[0]!;
  return { path: ['settings', ...first.path.map(String)], message: first.message };
}
