// getPriceAll (a bare JSON array — the one call without the envelope) and getPrice.

import type { Route } from '../shared/sim-server.js';
import { VTP_SERVICES } from './data/services.js';
import { resolvePlace } from './geography.js';
import { priceAllRow, priceOf, servicesFor, type VtpParcel, type VtpRoute } from './pricing.js';
import type { VtpContext } from './vtp-context.js';
import { looseInt, looseNumber, text } from './vtp-fields.js';
import { vtpError, vtpOk } from './vtp-replies.js';

const NO_ROUTE = 'Price does not apply to this itinerary!';

type Quote = { ok: true; route: VtpRoute; parcel: VtpParcel } | { ok: false; message: string };

function readQuote(body: Record<string, unknown>): Quote {
  const from = resolvePlace(body.SENDER_PROVINCE, body.SENDER_DISTRICT, body.SENDER_WARD, false);
  const to = resolvePlace(body.RECEIVER_PROVINCE, body.RECEIVER_DISTRICT, body.RECEIVER_WARD, false);
  if (!from.ok || !to.ok) return { ok: false, message: NO_ROUTE };
  const weight = looseNumber(body.PRODUCT_WEIGHT);
  if (weight === undefined || Number.isNaN(weight) || weight <= 0) return { ok: false, message: 'Invalid [PRODUCT_WEIGHT]' };
  const cod = looseNumber(body.MONEY_COLLECTION) ?? 0;
  if (Number.isNaN(cod) || cod < 0) return { ok: false, message: 'Invalid [MONEY_COLLECTION]' };
  const dim = (v: unknown) => {
    const n = looseNumber(v);
    return n === undefined || Number.isNaN(n) ? 0 : n;
  };
  const extras = text(body.ORDER_SERVICE_ADD).split(',').map((s) => s.trim()).filter(Boolean);
  return {
    ok: true,
    route: { from: from.place, to: to.place },
    parcel: { weight, length: dim(body.PRODUCT_LENGTH), width: dim(body.PRODUCT_WIDTH), height: dim(body.PRODUCT_HEIGHT), moneyCollection: cod, extras },
  };
}

export function priceRoutes(ctx: VtpContext): Route[] {
  return [
    {
      methods: ['POST'],
      path: '/v2/order/getPriceAll',
      handler: ctx.auth.withToken((_req, body) => {
        // TYPE 0 is international, which this contract does not cover.
        if (looseInt(body.TYPE) === 0) return vtpError(NO_ROUTE);
        const q = readQuote(body);
        if (!q.ok) return vtpError(q.message);
        return { status: 200, json: servicesFor(q.route).map((s) => priceAllRow(s, q.route, q.parcel)), note: 'quoted' };
      }),
    },
    {
      methods: ['POST'],
      path: '/v2/order/getPrice',
      handler: ctx.auth.withToken((_req, body) => {
        const service = VTP_SERVICES.find((s) => s.code === text(body.ORDER_SERVICE).trim());
        if (!service) return vtpError('Incorrect data: ORDER_SERVICE');
        const q = readQuote(body);
        if (!q.ok) return vtpError(q.message);
        if (!servicesFor(q.route).includes(service)) return vtpError(NO_ROUTE);
        const { EXCHANGE_WEIGHT: _w, ...price } = priceOf(service, q.route, q.parcel);
        return vtpOk(price, 'OK', 'quoted');
      }),
    },
  ];
}
