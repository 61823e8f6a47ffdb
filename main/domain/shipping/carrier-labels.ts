import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LABEL_SIZES, type LabelSize } from '../../api/connections.js';
import { fail } from '../../api/errors.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { defineJobKind, enqueue } from '../../sync/outbox.js';
import { readAccount, labelSizeOf } from '../connections/connection-service.js';
import { carrierFor } from '../connections/connector-cache.js';
import { readShipment, type ShipmentRow } from './shipment-repo.js';
import { isLiveShipment } from './shipment-state-rules.js';

// Carrier label files: downloaded once per size through the outbox and kept in the data folder, so a
// reprint in any size already fetched never needs the network (DESIGN.md §5).

const LABEL_DIR = 'labels';

export function enqueueLabel(store: Store, s: Pick<ShipmentRow, 'id' | 'code' | 'account_id'>, trackingNumber: string, size: LabelSize | null, now: number): void {
  enqueue(store, {
    kind: 'shipment.label', accountId: s.account_id,
    key: size ? `label:${s.code}:${trackingNumber}:${size}` : `label:${s.code}:${trackingNumber}`,
    payload: { shipmentId: s.id, ...(size ? { size } : {}) }, subject: { type: 'shipment', id: s.id },
  }, now);
}

/** The stored file of a size, if it was downloaded. */
function storedLabel(store: Store, shipmentId: number, size: string): string | null {
  return (store.prepare('SELECT file FROM shipment_labels WHERE shipment_id = ? AND size = ?').get(shipmentId, size) as { file: string } | undefined)?.file ?? null;
}

function useLabel(store: Store, shipmentId: number, size: string, file: string, now: number): void {
  store.prepare('INSERT INTO shipment_labels (shipment_id, size, file, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (shipment_id, size) DO UPDATE SET file = excluded.file')
    .run(shipmentId, size, file, now);
  store.prepare('UPDATE shipments SET label_file = ?, label_format = ?, updated_at = ? WHERE id = ?').run(file, size, now, shipmentId);
}

/**
 * The carrier's label in another size: one already on disk becomes the one in use at once, offline;
 * another is downloaded by the outbox and kept beside the earlier ones.
 */
export function requestLabelSize(store: Store, id: number, size: string, now: number): 'stored' | 'queued' {
  const s = readShipment(store, id);
  const sizes: readonly string[] = LABEL_SIZES[s.carrier];
  if (!sizes.includes(size)) {
    const message = `${s.carrier} prints labels in ${sizes.join(', ')}`;
    fail('INPUT_INVALID', message, { field: 'size', issues: [{ code: 'invalid_value', path: ['size'], message }] });
  }
  if (!s.tracking_number || !isLiveShipment(s.state)) fail('CONFLICT', `Shipment ${s.code} has no carrier label to print`, { reason: 'no_label', code: s.code });
  const file = storedLabel(store, id, size);
  if (file) {
    useLabel(store, id, size, file, now);
    return 'stored';
  }
  enqueueLabel(store, s, s.tracking_number!, size as LabelSize, now);
  return 'queued';
}

const EXT: [RegExp, string, string][] = [[/\.pdf$/, 'pdf', 'application/pdf'], [/\.html$/, 'html', 'text/html']];

/** The label file to print: the size asked for, else the one in use. */
export function readLabel(store: Store, dataDir: string, id: number, size?: string) {
  const s = readShipment(store, id);
  const file = size ? storedLabel(store, id, size) : s.label_file;
  if (!file) fail('NOT_FOUND', size ? `The ${size} label is not downloaded yet` : 'The label is not downloaded yet', { entity: 'label', id });
  const body = readFileSync(join(dataDir, file!));
  const contentType = EXT.find(([re]) => re.test(file!))?.[2] ?? 'application/octet-stream';
  return { contentType, contentBase64: body.toString('base64'), fileName: file!.split('/').pop()! };
}

export function labelJobKind(deps: { dataDir: string; secrets: SecretBox }) {
  return defineJobKind({
    kind: 'shipment.label',
    payload: z.object({ shipmentId: z.number().int().positive(), size: z.string().optional() }),
    async run(ctx, { shipmentId, size: asked }) {
      const s = readShipment(ctx.store, shipmentId);
      if (!s.tracking_number) return { skipped: true };
      // Without a size asked for, the account's setting at the time of download decides.
      const size = asked ?? labelSizeOf(readAccount(ctx.store, s.account_id));
      const l = await carrierFor(ctx.store, deps.secrets, s.account_id).label([s.tracking_number], { size });
      const ext = EXT.find(([, , type]) => l.contentType.includes(type.split('/')[1]))?.[1] ?? 'bin';
      const dir = join(deps.dataDir, LABEL_DIR);
      mkdirSync(dir, { recursive: true });
      const file = `${s.code}-${size}.${ext}`;
      // Written under a temporary name first, so a crash never leaves half a label that looks whole.
      writeFileSync(join(dir, `${file}.partial`), l.body);
      renameSync(join(dir, `${file}.partial`), join(dir, file));
      return { file: `${LABEL_DIR}/${file}`, format: size };
    },
    applyResult(store, { shipmentId }, r: { file?: string; format?: string }, _job, now) {
      if (r.file && r.format) useLabel(store, shipmentId, r.format, r.file, now);
    },
  });
}
