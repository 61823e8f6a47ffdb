// Arranging shipment: parameters (pickup address + time slots, drop-off branches), ship_order and its
// batch forms, and the tracking number that appears some time after arranging ("poll until assigned").

import type { Route, SimReply } from '../shared/sim-server.js';
import { canArrange, LOGISTICS_ERRORS, locate, locatePackage, trackingVisible, type Located } from './logistics-common.js';
import type { Order, Package } from './order-store.js';
import { API, listParam, shopApi, type Body, type ShopeeContext } from './shopee-context.js';

export const PICKUP_ADDRESS_ID = 200001;
const BRANCHES = [
  { branch_id: 31001, region: 'VN', state: 'TP. Hồ Chí Minh', city: 'Quận 1', address: '45 Lê Thánh Tôn', zipcode: '700000', district: 'Quận 1', town: 'Phường Bến Nghé' },
  { branch_id: 31002, region: 'VN', state: 'Hà Nội', city: 'Quận Cầu Giấy', address: '120 Xuân Thủy', zipcode: '100000', district: 'Quận Cầu Giấy', town: 'Phường Dịch Vọng Hậu' },
];

const obj = (v: unknown): Body => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Body) : {});

export function shippingRoutes(ctx: ShopeeContext): Route[] {
  const { replies, store, clock, timings } = ctx;
  const err = (e: readonly [string, string]): SimReply => replies.error(e[0], e[1]);

  /** Pickup slots: the next three Vietnam days, morning and afternoon. */
  const slots = () => {
    const dayMs = 86400_000;
    const vnMidnight = Math.floor((clock() + 7 * 3600_000) / dayMs) * dayMs - 7 * 3600_000;
    return [1, 2, 3].flatMap((d) => {
      const date = Math.floor((vnMidnight + d * dayMs) / 1000);
      return [
        { date, time_text: '08:00-12:00', pickup_time_id: `${date}-AM` },
        { date, time_text: '13:00-17:00', pickup_time_id: `${date}-PM` },
      ];
    });
  };

  /** Validates the arrange info once for a whole call; undefined when fine. */
  const arrangeInfo = (body: Body): { method: Package['method']; tracking?: string } | undefined => {
    const given = ['pickup', 'dropoff', 'non_integrated'].filter((k) => body[k] !== undefined);
    if (given.length !== 1) return undefined;
    if (body.pickup !== undefined) {
      const p = obj(body.pickup);
      if (Number(p.address_id) !== PICKUP_ADDRESS_ID) return undefined;
      if (!slots().some((s) => s.pickup_time_id === p.pickup_time_id)) return undefined;
      return { method: 'pickup' };
    }
    if (body.dropoff !== undefined) {
      const d = obj(body.dropoff);
      if (d.branch_id !== undefined && !BRANCHES.some((b) => b.branch_id === Number(d.branch_id))) return undefined;
      return { method: 'dropoff' };
    }
    const n = obj(body.non_integrated);
    return typeof n.tracking_number === 'string' && n.tracking_number !== '' ? { method: 'non_integrated', tracking: n.tracking_number } : undefined;
  };

  /** Arranges one package; the error when it cannot. */
  const arrange = (loc: Located, info: { method: Package['method']; tracking?: string }): readonly [string, string] | undefined => {
    if ('error' in loc) return loc.error;
    const { order, pkg } = loc;
    if (pkg.arrangedAt !== undefined && pkg.status !== 'LOGISTICS_PICKUP_RETRY') return LOGISTICS_ERRORS.alreadyShipped;
    if (!canArrange(order, pkg)) return LOGISTICS_ERRORS.notReady;
    const now = clock();
    pkg.arrangedAt = now;
    pkg.method = info.method;
    pkg.status = 'LOGISTICS_REQUEST_CREATED';
    pkg.trackingNumber ??= info.tracking ?? store.newTrackingNumber();
    pkg.trackingAt = info.tracking ? now : now + timings.trackingAfterMs;
    if (order.status === 'RETRY_SHIP') store.setStatus(order, 'PROCESSED');
    else store.settleFromPackages(order);
    return undefined;
  };

  const getShippingParameter = shopApi(ctx, (req, shop) => {
    const loc = locate(store, shop.shopId, req.query.get('order_sn') ?? '', req.query.get('package_number') ?? undefined);
    if ('error' in loc) return err(loc.error);
    if (loc.pkg.arrangedAt !== undefined && loc.pkg.status !== 'LOGISTICS_PICKUP_RETRY') return err(LOGISTICS_ERRORS.alreadyShipped);
    if (!canArrange(loc.order, loc.pkg)) return err(LOGISTICS_ERRORS.notReady);
    return replies.ok({
      info_needed: { pickup: ['address_id', 'pickup_time_id'], dropoff: [], non_integrated: [] },
      pickup: {
        address_list: [
          {
            address_id: PICKUP_ADDRESS_ID, region: 'VN', state: 'TP. Hồ Chí Minh', city: 'Quận 1', district: 'Quận 1', town: 'Phường Bến Nghé',
            address: '45 Lê Thánh Tôn', zipcode: '700000', address_flag: ['default_address', 'pickup_address'], time_slot_list: slots(),
          },
        ],
      },
      dropoff: { branch_list: BRANCHES },
    });
  });

  const shipOrder = shopApi(ctx, (_req, shop, body) => {
    if (typeof body.order_sn !== 'string' || body.order_sn === '') return replies.param('There is no order_sn in body.');
    const info = arrangeInfo(body);
    if (!info) return err(LOGISTICS_ERRORS.badArrange);
    const failed = arrange(locate(store, shop.shopId, body.order_sn, body.package_number), info);
    return failed ? err(failed) : replies.ok({}, 'arranged');
  });

  const batchShipOrder = shopApi(ctx, (_req, shop, body) => {
    const list = Array.isArray(body.order_list) ? body.order_list.map(obj) : [];
    if (list.length < 1 || list.length > 50) return replies.param('Wrong parameters, order_list should contain 1-50 orders.');
    const info = arrangeInfo(body);
    if (!info) return err(LOGISTICS_ERRORS.badArrange);
    const result_list = list.map((o) => {
      const failed = arrange(locate(store, shop.shopId, o.order_sn, o.package_number), info);
      return { order_sn: o.order_sn, package_number: o.package_number ?? '', fail_error: failed?.[0] ?? '', fail_message: failed?.[1] ?? '' };
    });
    return replies.ok({ result_list }, 'arranged');
  });

  const massShipOrder = shopApi(ctx, (_req, shop, body) => {
    const list = Array.isArray(body.package_list) ? body.package_list.map(obj) : [];
    if (list.length < 1 || list.length > 50) return replies.param('Wrong parameters, package_list should contain 1-50 packages.');
    const info = arrangeInfo(body);
    if (!info) return err(LOGISTICS_ERRORS.badArrange);
    const success_list: Body[] = [];
    const fail_list: Body[] = [];
    for (const p of list) {
      const failed = arrange(locatePackage(store, shop.shopId, p.package_number), info);
      if (failed) fail_list.push({ package_number: p.package_number, fail_error: failed[0], fail_message: failed[1] });
      else success_list.push({ package_number: p.package_number });
    }
    return replies.ok({ success_list, fail_list }, 'arranged');
  });

  const trackingOf = (order: Order, pkg: Package) => (trackingVisible(pkg, clock()) ? pkg.trackingNumber! : '');

  const getTrackingNumber = shopApi(ctx, (req, shop) => {
    const loc = locate(store, shop.shopId, req.query.get('order_sn') ?? '', req.query.get('package_number') ?? undefined);
    if ('error' in loc) return err(loc.error);
    const tracking = trackingOf(loc.order, loc.pkg);
    const extra = new Set(listParam(req, 'response_optional_fields'));
    return replies.ok({
      tracking_number: tracking,
      ...(extra.has('plp_number') ? { plp_number: '' } : {}),
      ...(extra.has('first_mile_tracking_number') ? { first_mile_tracking_number: '' } : {}),
      ...(extra.has('last_mile_tracking_number') ? { last_mile_tracking_number: tracking } : {}),
    });
  });

  const getMassTrackingNumber = shopApi(ctx, (_req, shop, body) => {
    const list = Array.isArray(body.package_list) ? body.package_list.map(obj) : [];
    if (list.length < 1 || list.length > 50) return replies.param('Wrong parameters, package_list should contain 1-50 packages.');
    const success_list: Body[] = [];
    const fail_list: Body[] = [];
    for (const p of list) {
      const loc = locatePackage(store, shop.shopId, p.package_number);
      if ('error' in loc) fail_list.push({ package_number: p.package_number, fail_error: loc.error[0], fail_message: loc.error[1] });
      else success_list.push({ package_number: p.package_number, tracking_number: trackingOf(loc.order, loc.pkg) });
    }
    return replies.ok({ success_list, fail_list });
  });

  return [
    { methods: ['GET'], path: `${API}/logistics/get_shipping_parameter`, handler: getShippingParameter },
    { methods: ['POST'], path: `${API}/logistics/ship_order`, handler: shipOrder },
    { methods: ['POST'], path: `${API}/logistics/batch_ship_order`, handler: batchShipOrder },
    { methods: ['POST'], path: `${API}/logistics/mass_ship_order`, handler: massShipOrder },
    { methods: ['GET'], path: `${API}/logistics/get_tracking_number`, handler: getTrackingNumber },
    { methods: ['POST'], path: `${API}/logistics/get_mass_tracking_number`, handler: getMassTrackingNumber },
  ];
}
