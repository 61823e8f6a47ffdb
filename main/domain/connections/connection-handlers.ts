import { labelSizeIssue, PROVIDERS, type connectionsContract } from '../../api/connections.js';
import { fail } from '../../api/errors.js';
import type { HandlersFor } from '../../core/context.js';
import { carrierConnector } from '../../connectors/carriers/registry.js';
import { withAccountLimit } from '../shipping/carrier-errors.js';
import { carrierConfig, labelSizeOf, mergeSecrets, readAccount, toConnection, type AccountRow } from './connection-service.js';

const CARRIERS = PROVIDERS.map((p) => `'${p}'`).join(', ');

export const connectionHandlers: HandlersFor<typeof connectionsContract> = {
  // Marketplace shops live in the same table (Channels screen); this screen and its contract are carriers'.
  'connections.list': (ctx, { provider }) =>
    (ctx.store.prepare(`SELECT * FROM connector_accounts WHERE provider IN (${CARRIERS}) ${provider ? 'AND provider = ?' : ''} ORDER BY provider, name`)
      .all(...(provider ? [provider] : [])) as AccountRow[])
      .map((r) => toConnection(ctx.services.secrets, r)),

  'connections.carriers': (ctx) =>
    (ctx.store.prepare(`SELECT * FROM connector_accounts WHERE provider IN (${CARRIERS}) ORDER BY provider, name`).all() as AccountRow[])
      .map((r) => ({ id: r.id, provider: r.provider, name: r.name, active: r.active === 1, labelSize: labelSizeOf(r) })),

  'connections.create': (ctx, input) => {
    const now = ctx.now();
    const r = ctx.store
      .prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, rate_per_minute, concurrency, active, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(input.provider, input.name, input.environment, input.baseUrl, JSON.stringify(input.settings), mergeSecrets(ctx.services.secrets, '', input.secrets),
        input.ratePerMinute, input.concurrency, Number(input.active), now, now);
    ctx.emit('connections.changed');
    return toConnection(ctx.services.secrets, readAccount(ctx.store, Number(r.lastInsertRowid)));
  },

  'connections.update': (ctx, input) => {
    const r = readAccount(ctx.store, input.id);
    if (!(PROVIDERS as readonly string[]).includes(r.provider)) fail('CONFLICT', `${r.name} is not a carrier account`, { reason: 'not_carrier' });
    const issue = labelSizeIssue(r.provider, input.settings);
    if (issue) fail('INPUT_INVALID', issue.message, { field: 'settings.labelSize', issues: [{ code: 'invalid_value', path: issue.path, message: issue.message }] });
    ctx.store
      .prepare(`UPDATE connector_accounts SET name = ?, environment = ?, base_url = ?, settings_json = ?, secrets_sealed = ?, rate_per_minute = ?,
        concurrency = ?, active = ?, updated_at = ? WHERE id = ?`)
      .run(input.name ?? r.name, input.environment ?? r.environment, input.baseUrl ?? r.base_url,
        input.settings ? JSON.stringify({ ...JSON.parse(r.settings_json), ...input.settings }) : r.settings_json,
        mergeSecrets(ctx.services.secrets, r.secrets_sealed, input.secrets), input.ratePerMinute ?? r.rate_per_minute,
        input.concurrency ?? r.concurrency, input.active === undefined ? r.active : Number(input.active), ctx.now(), r.id);
    ctx.emit('connections.changed');
    return toConnection(ctx.services.secrets, readAccount(ctx.store, r.id));
  },

  'connections.test': {
    async: async (ctx, { id }) => {
      const config = carrierConfig(ctx.store, ctx.services.secrets, id);
      const result = await withAccountLimit(ctx, id, () => carrierConnector(config).testConnection());
      ctx.store.tx(() =>
        ctx.store
          .prepare('UPDATE connector_accounts SET last_ok_at = CASE WHEN ? THEN ? ELSE last_ok_at END, last_error = ?, updated_at = ? WHERE id = ?')
          .run(Number(result.ok), ctx.now(), result.ok ? null : result.message, ctx.now(), id),
      );
      ctx.emit('connections.changed');
      return { ok: result.ok, message: result.message, code: result.code ?? null };
    },
  },
};
