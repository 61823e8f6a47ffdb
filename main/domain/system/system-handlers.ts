import { statSync } from 'node:fs';
import type { systemContract } from '../../api/system.js';
import type { HandlersFor } from '../../core/context.js';
import { schemaVersion } from '../../store/migrator.js';
import { getSetting } from '../shared/settings.js';

const count = (ctx: { store: { prepare(sql: string): { get(): unknown } } }, table: string) =>
  (ctx.store.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

export const systemHandlers: HandlersFor<typeof systemContract> = {
  'system.info': (ctx) => {
    const file = ctx.store.sqlite.name;
    const size = (suffix: string) => { try { return statSync(file + suffix).size; } catch { return 0; } };
    const last = getSetting(ctx.store, 'lastBackupAt');
    return {
      version: ctx.services.version,
      dataDir: ctx.services.dataDir,
      schemaVersion: schemaVersion(ctx.store.sqlite),
      databaseBytes: size('') + size('-wal'),
      lastBackupAt: last ? Number(last) : null,
      counts: { orders: count(ctx, 'orders'), products: count(ctx, 'products'), variants: count(ctx, 'variants'), warehouses: count(ctx, 'warehouses') },
    };
  },
  'system.backupNow': { async: (ctx) => ctx.services.backupNow() },
  'system.backups': (ctx) => ctx.services.listBackups(),
  'system.integrityCheck': (ctx) => {
    const rows = ctx.store.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check);
    return { ok: messages.length === 1 && messages[0] === 'ok', messages };
  },
};
