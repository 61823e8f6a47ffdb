import { z } from 'zod';
import { command } from './contract.js';
import { empty } from './common.js';

export const backupInfo = z.object({ file: z.string(), sizeBytes: z.number().int(), createdAt: z.number() });

export const systemContract = {
  'system.info': command({
    role: 'packer',
    readonly: true,
    input: empty,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      schemaVersion: z.number().int(),
      databaseBytes: z.number().int(),
      lastBackupAt: z.number().nullable(),
      counts: z.object({ orders: z.number().int(), products: z.number().int(), variants: z.number().int(), warehouses: z.number().int() }),
    }),
  }),
  'system.backupNow': command({ role: 'manager', readonly: true, input: empty, output: backupInfo }),
  'system.backups': command({ role: 'manager', readonly: true, input: empty, output: z.array(backupInfo) }),
  'system.integrityCheck': command({ role: 'manager', readonly: true, input: empty, output: z.object({ ok: z.boolean(), messages: z.array(z.string()) }) }),
};
