// What a status export from the VTP customer portal looks like, for the app's "import statuses from a
// VTP export file" feature (the catch-up path, since partners cannot pull statuses). Vietnamese
// headers, dd/MM/yyyy HH:mm:ss dates, CRLF lines, a UTF-8 BOM so Excel shows the diacritics.

import { formatVnDateTime } from '../shared/vietnam-time.js';
import type { VtpOrder } from './order-store.js';
import { VTP_STATUS_NAMES } from './statuses.js';

export interface VtpExportOptions {
  /** One row per status change instead of one per waybill with its latest status. */
  history?: boolean;
  /** Default true. */
  bom?: boolean;
}

export const VTP_EXPORT_HEADERS = ['Mã vận đơn', 'Mã đơn hàng', 'Mã trạng thái', 'Tên trạng thái', 'Ngày trạng thái', 'Tiền thu hộ'];

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function exportStatusesCsv(orders: readonly VtpOrder[], options: VtpExportOptions = {}): string {
  const rows = [VTP_EXPORT_HEADERS];
  const live = [...orders].filter((o) => !o.deleted).sort((a, b) => a.createdAt - b.createdAt);
  for (const o of live) {
    const entries = options.history ? o.history : [o.history[o.history.length - 1]];
    for (const e of entries) {
      rows.push([o.waybill, o.input.reference, String(e.status), VTP_STATUS_NAMES[e.status] ?? '', formatVnDateTime(e.at), String(o.input.moneyCollection)]);
    }
  }
  const body = rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return (options.bom === false ? '' : '\uFEFF') + body;
}
