import Papa from 'papaparse';
import { foldText } from '../../../domain/shared/text-fold.js';
import { JobError } from '../../../sync/job-error.js';
import type { CarrierStatusUpdate } from '../shared/status-update.js';
import { int } from '../shared/values.js';
import { vtpStatusUpdate } from './webhook.js';

// VTP has no status-pull API (G1.1): without a webhook relay, the operator exports the order list from the
// VTP portal and imports it here. Columns: waybill, order reference, status code, status name, status date,
// COD. [?] The portal's exact header texts are not in the spec, so headers are matched on folded text
// (no diacritics, lower case) against the aliases below; add a spelling here when a real export differs.

type Column = 'waybill' | 'reference' | 'code' | 'name' | 'date' | 'cod';

export const VTP_EXPORT_HEADERS: Readonly<Record<Column, readonly string[]>> = {
  waybill: ['waybill', 'waybill number', 'waybill no', 'tracking number', 'tracking', 'ma van don', 'so van don', 'ma vd', 'ma phieu gui', 'so phieu gui', 'order_number'],
  reference: ['order reference', 'reference', 'order_reference', 'ma don hang', 'ma don khach hang', 'ma tham chieu', 'so tham chieu', 'ma don'],
  code: ['status code', 'status_code', 'order_status', 'ma trang thai'],
  name: ['status name', 'status', 'status_name', 'ten trang thai', 'trang thai'],
  date: ['status date', 'status time', 'date', 'order_statusdate', 'ngay trang thai', 'thoi gian trang thai', 'thoi gian', 'ngay cap nhat', 'thoi gian cap nhat'],
  cod: ['cod', 'cod amount', 'money collection', 'money_collection', 'tien thu ho', 'thu ho', 'tien cod'],
};

export interface VtpExportResult {
  updates: CarrierStatusUpdate[];
  warnings: string[];
  /** Rows that repeated an earlier row's waybill + status + date. */
  duplicates: number;
  rows: number;
}

export function parseVtpExport(file: string | Buffer): VtpExportResult {
  // Excel writes a BOM; Vietnamese Excel writes ';' (the comma is the decimal separator there).
  const text = (Buffer.isBuffer(file) ? file.toString('utf8') : file).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header) throw exportError('The file is empty');
  const index = columnIndex(header);
  const missing = (['waybill', 'code', 'date'] as const).filter((c) => index[c] === undefined);
  if (missing.length) {
    throw exportError(`The file has no ${missing.join(', ')} column (headers found: ${header.join(' | ')})`);
  }
  const result: VtpExportResult = { updates: [], warnings: [], duplicates: 0, rows: rows.length };
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const cell = (c: Column) => (index[c] === undefined ? '' : (row[index[c]!] ?? '').trim());
    const { update, warning } = vtpStatusUpdate({
      waybill: cell('waybill').replace(/^'/, ''), // Excel's text prefix keeps long waybills from becoming 1.23E+12
      reference: cell('reference'),
      code: cell('code'),
      name: cell('name'),
      dateText: cell('date'),
      codVnd: int(cell('cod')),
    });
    if (warning) result.warnings.push(`Row ${i + 2}: ${warning}`);
    if (!update) return;
    if (seen.has(update.dedupeKey)) {
      result.duplicates += 1;
      return;
    }
    seen.add(update.dedupeKey);
    result.updates.push(update);
  });
  return result;
}

function columnIndex(header: string[]): Partial<Record<Column, number>> {
  const folded = header.map((h) => foldText(h).replace(/[()*:.]/g, '').trim());
  const index: Partial<Record<Column, number>> = {};
  for (const [column, aliases] of Object.entries(VTP_EXPORT_HEADERS) as [Column, readonly string[]][]) {
    const at = folded.findIndex((h, i) => aliases.includes(h) && !Object.values(index).includes(i));
    if (at >= 0) index[column] = at;
  }
  return index;
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

function exportError(message: string): JobError {
  return new JobError('permanent', 'EXPORT_FILE_UNREADABLE', `Viettel Post export: ${message}`, {
    hint: 'Export the order list from the Viettel Post portal as CSV with the waybill, status code and status date columns.',
  });
}
