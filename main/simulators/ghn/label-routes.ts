// Label printing, GHN's two steps: gen-token for a list of orders, then an HTML page per format.
// The print pages live at the host root (/a5/public-api/...), not under /shiip/public-api.

import type { Route, SimReply } from '../shared/sim-server.js';
import { HEX, randomString } from '../shared/prng.js';
import type { GhnContext } from './ghn-context.js';
import { stringArrayField } from './ghn-fields.js';
import { ghnBadRequest, ghnOk } from './ghn-replies.js';
import { GHN_BASE } from './master-data-routes.js';
import type { GhnOrder } from './order-store.js';
import { orderNotFound } from './order-routes.js';

interface LabelToken {
  orderCodes: string[];
  expiresAt: number;
}

/** Page sizes of the three formats, as CSS for the browser's print dialog. */
const FORMATS = {
  printA5: { size: '148mm 210mm', font: '14px', title: 'A5' },
  print80x80: { size: '80mm 80mm', font: '11px', title: '80x80' },
  print52x70: { size: '52mm 70mm', font: '9px', title: '52x70' },
} as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (n: number) => `${n.toLocaleString('en-US').replace(/,/g, '.')} đ`;

function labelHtml(format: keyof typeof FORMATS, orders: GhnOrder[]): string {
  const f = FORMATS[format];
  const pages = orders
    .map((o) => {
      const i = o.input;
      const address = [i.toAddress, i.to.wardName, i.to.districtName, i.to.provinceName].filter(Boolean).join(', ');
      return `<section class="label" data-order-code="${escapeHtml(o.orderCode)}">
<div class="code">${escapeHtml(o.orderCode)}</div>
<div class="sort">${escapeHtml(o.sortCode)}</div>
<div class="to"><b>${escapeHtml(i.toName)}</b> ${escapeHtml(i.toPhone)}<br>${escapeHtml(address)}</div>
<div class="cod">Thu hộ (COD): <b>${escapeHtml(money(i.codAmount))}</b></div>
<div class="content">${escapeHtml(i.content)}</div>
</section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>GHN ${f.title}</title>
<style>@page { size: ${f.size}; margin: 2mm; } body { font: ${f.font} sans-serif; margin: 0; }
.label { width: ${f.size.split(' ')[0]}; page-break-after: always; } .code { font-size: 2em; font-weight: bold; } .sort { font-size: 1.5em; }</style>
</head><body>
${pages}
</body></html>`;
}

export function labelRoutes(ctx: GhnContext): { routes: Route[]; reset(): void } {
  const tokens = new Map<string, LabelToken>();

  const page = (format: keyof typeof FORMATS): Route => ({
    methods: ['GET'],
    path: `/a5/public-api/${format}`,
    handler: (req): SimReply => {
      const token = tokens.get(req.query.get('token') ?? '');
      if (!token || token.expiresAt <= ctx.clock()) {
        return { status: 400, text: '<!DOCTYPE html><html><body><p>Token không hợp lệ hoặc đã hết hạn</p></body></html>', contentType: 'text/html; charset=utf-8', note: 'rejected' };
      }
      const orders = token.orderCodes.map((c) => ctx.store.byCode(c)).filter((o): o is GhnOrder => o !== undefined);
      return { status: 200, text: labelHtml(format, orders), contentType: 'text/html; charset=utf-8', note: 'printed' };
    },
  });

  const routes: Route[] = [
    {
      methods: ['POST'],
      path: `${GHN_BASE}/v2/a5/gen-token`,
      handler: ctx.auth.withToken((_req, body) => {
        const codes = stringArrayField(body, 'order_codes');
        if (!codes.ok) return ghnBadRequest(codes.message);
        const missing = codes.value.find((c) => !ctx.store.byCode(c));
        if (missing) return orderNotFound(missing);
        const r = ctx.random;
        const token = [8, 4, 4, 4, 12].map((n) => randomString(r, HEX, n)).join('-');
        tokens.set(token, { orderCodes: codes.value.map((c) => ctx.store.byCode(c)!.orderCode), expiresAt: ctx.clock() + ctx.labelTokenTtlMs });
        return ghnOk({ token }, {}, 'label-token');
      }),
    },
    page('printA5'),
    page('print80x80'),
    page('print52x70'),
  ];
  return { routes, reset: () => tokens.clear() };
}
