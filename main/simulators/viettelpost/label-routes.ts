// Labels, VTP's two steps: printing-code returns a token in `message`; the print page
// /DigitalizePrint/report.do?type=…&bill=<token> (at the host root) returns a PDF sized by type.

import { buildTextPdf, PAGE_SIZES } from '../shared/minimal-pdf.js';
import { randomString, type Random } from '../shared/prng.js';
import type { Route, SimReply } from '../shared/sim-server.js';
import type { VtpOrder } from './order-store.js';
import type { VtpContext } from './vtp-context.js';
import { looseInt } from './vtp-fields.js';
import { vtpError, vtpOk } from './vtp-replies.js';

interface PrintToken {
  waybills: string[];
  expiresAt: number;
}

/** type=1 A5, 2 and a6_1 A6, 100 and 1001 A7 (small thermal). */
const SIZE_BY_TYPE: Record<string, keyof typeof PAGE_SIZES> = { '1': 'A5', '2': 'A6', a6_1: 'A6', '100': 'A7', '1001': 'A7' };

const money = (n: number) => `${n.toLocaleString('en-US').replace(/,/g, '.')} d`;

function labelLines(o: VtpOrder, showPostage: boolean): string[] {
  const r = o.input.receiver;
  const lines = [
    'VIETTEL POST',
    `Ma van don: ${o.waybill}`,
    ...(o.sortCode ? [`Sort: ${o.sortCode}`] : []),
    `Ma don hang: ${o.input.reference}`,
    `Nguoi nhan: ${r.name} - ${r.phone}`,
    `Dia chi: ${r.address}`,
    `${[r.wardName, r.districtName, r.provinceName].filter(Boolean).join(', ')}`,
    `Thu ho (COD): ${money(o.input.moneyCollection)}`,
    `Dich vu: ${o.input.service}`,
  ];
  if (showPostage) lines.push(`Cuoc: ${money(o.price.MONEY_TOTAL)}`);
  return lines;
}

export function labelRoutes(ctx: VtpContext, random: Random): { routes: Route[]; reset(): void } {
  const tokens = new Map<string, PrintToken>();
  const routes: Route[] = [
    {
      methods: ['POST'],
      path: '/v2/order/printing-code',
      handler: ctx.auth.withToken((_req, body, account) => {
        const expiry = looseInt(body.EXPIRY_TIME);
        if (expiry === undefined || Number.isNaN(expiry) || expiry <= ctx.clock()) return vtpError('Invalid [EXPIRY_TIME]');
        const list = body.ORDER_ARRAY;
        if (!Array.isArray(list) || list.length === 0 || list.length > 100 || list.some((w) => typeof w !== 'string')) return vtpError('Invalid [ORDER_ARRAY]');
        const waybills = list as string[];
        const missing = waybills.find((w) => {
          const o = ctx.store.byWaybill(w);
          return !o || o.cusId !== account.cusId || o.deleted;
        });
        if (missing) return vtpError(`Order does not exist: ${missing}`);
        const token = randomString(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 48);
        tokens.set(token, { waybills: waybills.map((w) => w.trim()), expiresAt: expiry });
        return vtpOk(null, token, 'print-token');
      }),
    },
    {
      methods: ['GET'],
      path: '/DigitalizePrint/report.do',
      handler: (req): SimReply => {
        const size = SIZE_BY_TYPE[req.query.get('type') ?? ''];
        if (!size) return { status: 400, text: 'Loại mẫu in không hợp lệ', contentType: 'text/html; charset=utf-8', note: 'rejected' };
        const token = tokens.get(req.query.get('bill') ?? '');
        if (!token || token.expiresAt <= ctx.clock()) {
          return { status: 404, text: '<!DOCTYPE html><html><body><p>Mã in không hợp lệ hoặc đã hết hạn</p></body></html>', contentType: 'text/html; charset=utf-8', note: 'rejected' };
        }
        const orders = token.waybills.map((w) => ctx.store.byWaybill(w)).filter((o): o is VtpOrder => o !== undefined);
        const pdf = buildTextPdf({ ...PAGE_SIZES[size], pages: orders.map((o) => labelLines(o, req.query.get('showPostage') === '1')) });
        return { status: 200, bytes: pdf, contentType: 'application/pdf', note: 'printed' };
      },
    },
  ];
  return { routes, reset: () => tokens.clear() };
}
