// Air waybills (spec §1.4): get_shipping_document_parameter → create_shipping_document →
// get_shipping_document_result (PROCESSING until the document is made) → download_shipping_document
// (a PDF, one page per package; or, with the control's awbFormat 'zip', a ZIP of one PDF per package
// as some thermal setups get). Only printable between arrange and pickup: after SHIPPED, refused.

import { buildTextPdf, PAGE_SIZES } from '../shared/minimal-pdf.js';
import type { Route, SimReply } from '../shared/sim-server.js';
import { canPrint, LOGISTICS_ERRORS, locate, trackingVisible } from './logistics-common.js';
import type { Order, Package } from './order-store.js';
import { API, shopApi, type Body, type ShopeeContext } from './shopee-context.js';
import { buildZip } from './zip-archive.js';

export const DOCUMENT_TYPES = ['NORMAL_AIR_WAYBILL', 'THERMAL_AIR_WAYBILL', 'NORMAL_JOB_AIR_WAYBILL', 'THERMAL_JOB_AIR_WAYBILL', 'THERMAL_UNPACKAGED_LABEL'];
const DEFAULT_TYPE = 'THERMAL_AIR_WAYBILL';

const obj = (v: unknown): Body => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {});
/**
 * [?] A ZIP entry's name: `<order_sn>.pdf`; when one request names several packages of one order, each
 * gets its package number too so no two entries share a name.
 */
export const awbEntryName = (orderSn: string, packageNumber: string, orderRepeats: boolean) =>
  orderRepeats ? `${orderSn}_${packageNumber}.pdf` : `${orderSn}.pdf`;

const fmtVnd = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} VND`;

export function documentRoutes(ctx: ShopeeContext): Route[] {
  const { replies, store, clock, timings } = ctx;

  const orderList = (body: Body): Body[] | SimReply => {
    const list = Array.isArray(body.order_list) ? body.order_list.map(obj) : [];
    if (list.length < 1 || list.length > 50) return replies.param('Wrong parameters, order_list should contain 1-50 orders.');
    return list;
  };
  const row = (o: Body, fail?: readonly [string, string], extra: Body = {}) => ({
    order_sn: o.order_sn ?? '',
    package_number: o.package_number ?? '',
    ...extra,
    ...(fail ? { fail_error: fail[0], fail_message: fail[1] } : {}),
  });

  const getParameter = shopApi(ctx, (_req, shop, body) => {
    const list = orderList(body);
    if (!Array.isArray(list)) return list;
    const result_list = list.map((o) => {
      const loc = locate(store, shop.shopId, o.order_sn, o.package_number);
      if ('error' in loc) return row(o, loc.error);
      return row(o, undefined, { suggest_shipping_document_type: DEFAULT_TYPE, selectable_shipping_document_type: ['NORMAL_AIR_WAYBILL', 'THERMAL_AIR_WAYBILL'] });
    });
    return replies.ok({ result_list });
  });

  const create = shopApi(ctx, (_req, shop, body) => {
    const list = orderList(body);
    if (!Array.isArray(list)) return list;
    const now = clock();
    const result_list = list.map((o) => {
      const loc = locate(store, shop.shopId, o.order_sn, o.package_number);
      if ('error' in loc) return row(o, loc.error);
      const type = typeof o.shipping_document_type === 'string' ? o.shipping_document_type : typeof body.shipping_document_type === 'string' ? body.shipping_document_type : DEFAULT_TYPE;
      if (!DOCUMENT_TYPES.includes(type)) return row(o, ['logistics.invalid_shipping_document_type', `shipping_document_type ${type} is invalid.`]);
      if (!canPrint(loc.order, loc.pkg)) return row(o, LOGISTICS_ERRORS.cannotPrint);
      if (!trackingVisible(loc.pkg, now)) return row(o, LOGISTICS_ERRORS.trackingNotReady);
      if (typeof o.tracking_number === 'string' && o.tracking_number !== '' && o.tracking_number !== loc.pkg.trackingNumber) {
        return row(o, ['logistics.tracking_number_invalid', 'The tracking_number does not match the package.']); // [?]
      }
      loc.pkg.document = { type, readyAt: now + timings.documentAfterMs };
      return row(o);
    });
    return replies.ok({ result_list }, 'document-requested');
  });

  const result = shopApi(ctx, (_req, shop, body) => {
    const list = orderList(body);
    if (!Array.isArray(list)) return list;
    const now = clock();
    const result_list = list.map((o) => {
      const loc = locate(store, shop.shopId, o.order_sn, o.package_number);
      if ('error' in loc) return row(o, loc.error);
      const doc = loc.pkg.document;
      if (!doc) return row(o, LOGISTICS_ERRORS.notCreated, { status: 'FAILED' });
      return row(o, undefined, { status: doc.readyAt <= now ? 'READY' : 'PROCESSING' });
    });
    return replies.ok({ result_list });
  });

  const page = (order: Order, pkg: Package): string[] => {
    const r = order.recipient;
    return [
      'SHOPEE - SPX Express',
      `Ma van don: ${pkg.trackingNumber ?? ''}`,
      `Ma don hang: ${order.orderSn}`,
      `Kien hang: ${pkg.packageNumber}`,
      `Nguoi nhan: ${r.name} - ${r.phone.replace(/^84/, '0').replace(/\d{3}(?=\d{2}$)/, '***')}`,
      `Dia chi: ${r.full_address}`,
      ...pkg.lines.map((i) => `${order.lines[i].qty} x ${order.lines[i].itemName} ${order.lines[i].modelName}`.trim()),
      order.cod ? `Thu ho (COD): ${fmtVnd(store.totalAmount(order))}` : 'Da thanh toan',
    ];
  };

  const download = shopApi(ctx, (_req, shop, body) => {
    const list = orderList(body);
    if (!Array.isArray(list)) return list;
    const now = clock();
    const pages: { order: Order; pkg: Package; lines: string[] }[] = [];
    for (const o of list) {
      const loc = locate(store, shop.shopId, o.order_sn, o.package_number);
      if ('error' in loc) return replies.error(loc.error[0], loc.error[1]);
      if (!canPrint(loc.order, loc.pkg)) return replies.error(LOGISTICS_ERRORS.cannotPrint[0], LOGISTICS_ERRORS.cannotPrint[1]);
      const doc = loc.pkg.document;
      if (!doc) return replies.error(LOGISTICS_ERRORS.notCreated[0], LOGISTICS_ERRORS.notCreated[1]);
      if (doc.readyAt > now) return replies.error(LOGISTICS_ERRORS.documentNotReady[0], LOGISTICS_ERRORS.documentNotReady[1]);
      pages.push({ order: loc.order, pkg: loc.pkg, lines: page(loc.order, loc.pkg) });
    }
    if (ctx.settings.awbFormat === 'pdf') {
      return { status: 200, bytes: buildTextPdf({ ...PAGE_SIZES.A6, pages: pages.map((p) => p.lines) }), contentType: 'application/pdf', note: 'document' };
    }
    const repeats = (sn: string) => pages.filter((p) => p.order.orderSn === sn).length > 1;
    const entries = pages.map((p) => ({ name: awbEntryName(p.order.orderSn, p.pkg.packageNumber, repeats(p.order.orderSn)), data: buildTextPdf({ ...PAGE_SIZES.A6, pages: [p.lines] }) }));
    // ZIP stores local times without a zone: the shop's, Vietnam's (UTC+7).
    return { status: 200, bytes: buildZip(entries, now + 7 * 3600_000), contentType: 'application/zip', note: 'document-zip' };
  });

  return [
    { methods: ['POST'], path: `${API}/logistics/get_shipping_document_parameter`, handler: getParameter },
    { methods: ['POST'], path: `${API}/logistics/create_shipping_document`, handler: create },
    { methods: ['POST'], path: `${API}/logistics/get_shipping_document_result`, handler: result },
    { methods: ['POST'], path: `${API}/logistics/download_shipping_document`, handler: download },
  ];
}
