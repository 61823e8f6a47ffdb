import { CommandError } from '../../api/errors.js';
import type { shopeeLogisticsContract, ShopeeLogisticsStatus } from '../../api/shopee-logistics.js';
import { getShippingParameter } from '../../connectors/marketplaces/shopee/shopee-logistics.js';
import { getOrderDetail } from '../../connectors/marketplaces/shopee/shopee-orders.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { toErrorShape } from '../../core/dispatcher.js';
import type { Store } from '../../store/store.js';
import { shopeeShopFor } from '../marketplaces/shopee/shopee-account.js';
import { readOrderRow } from '../orders/order-repo.js';
import { checkArrangeable, commandErrorOfShopee, requestArrange, shopeeOrderOf } from './shopee-arrange.js';
import { shopeeAwbPending, toShippingParams } from './shopee-logistics-jobs.js';
import { packagesOf, type MethodChoice } from './shopee-logistics-rules.js';

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });

const choiceOf = (i: { method: 'pickup' | 'dropoff' | 'auto'; addressId?: string; pickupTimeId?: string; branchId?: string }): MethodChoice =>
  i.method === 'pickup' ? { method: 'pickup', addressId: i.addressId, pickupTimeId: i.pickupTimeId }
    : i.method === 'dropoff' ? { method: 'dropoff', branchId: i.branchId } : { method: 'auto' };

const runningStep = (store: Store, shipmentId: number) =>
  store.prepare(`SELECT kind FROM jobs WHERE subject_type = 'shipment' AND subject_id = ? AND kind LIKE 'shopee.%' AND status IN ('queued', 'running') ORDER BY id DESC LIMIT 1`)
    .pluck().get(shipmentId) as string | undefined;

export function shopeeLogisticsStatusOf(store: Store, orderId: number): ShopeeLogisticsStatus {
  const order = readOrderRow(store, orderId);
  const ref = shopeeOrderOf(store, orderId);
  let blockedBy: string | null = null;
  try {
    checkArrangeable(store, orderId);
  } catch (e) {
    blockedBy = e instanceof CommandError ? String(e.details?.reason ?? e.code) : 'unknown';
  }
  const s = store.prepare("SELECT * FROM shipments WHERE order_id = ? AND carrier = 'shopee' ORDER BY id DESC LIMIT 1").get(orderId) as
    { id: number; code: string; state: string; service_code: string; service_name: string; tracking_number: string | null; label_file: string | null; error_code: string | null; error_message: string | null; error_hint: string | null } | undefined;
  let shipment: ShopeeLogisticsStatus['shipment'] = null;
  if (s) {
    const packages = (store.prepare('SELECT package_number, tracking_number, logistics_status FROM shopee_packages WHERE shipment_id = ? ORDER BY package_number').all(s.id) as
      { package_number: string; tracking_number: string | null; logistics_status: string }[]).map((p) => ({ packageNumber: p.package_number, trackingNumber: p.tracking_number, logisticsStatus: p.logistics_status }));
    const kind = runningStep(store, s.id);
    const failed = s.state === 'booking_failed' || (!s.label_file && !shopeeAwbPending(store, s.id) && s.error_code !== null);
    const step = s.state === 'booking_failed' ? 'failed' : kind === 'shopee.ship' ? 'arranging' : kind === 'shopee.tracking' ? 'tracking' : kind === 'shopee.awb' ? 'awb' : failed ? 'failed' : 'done';
    shipment = {
      id: s.id, code: s.code, state: s.state, method: s.service_code, channel: s.service_name, trackingNumber: s.tracking_number, packages,
      awb: s.label_file ? 'stored' : failed ? 'failed' : s.state === 'cancelled' ? 'none' : 'pending', awbFile: s.label_file,
      error: s.error_code ? { code: s.error_code, message: s.error_message ?? '', hint: s.error_hint ?? '' } : null, step,
    };
  }
  return {
    orderId, orderNumber: order.number, orderSn: ref?.orderSn ?? null, marketplaceStatus: ref?.marketplaceStatus ?? null,
    arrangeable: blockedBy === null, blockedBy, shipment,
  };
}

const changed = (ctx: CommandContext, orderIds: number[]) => {
  ctx.emit('shipments.changed', { orderIds });
  ctx.emit('orders.changed', { ids: orderIds });
  ctx.emit('jobs.changed', {});
};

export const shopeeLogisticsHandlers: HandlersFor<typeof shopeeLogisticsContract> = {
  'shopeeLogistics.parameters': {
    async: async (ctx, { orderId }) => {
      const order = readOrderRow(ctx.store, orderId);
      const ref = shopeeOrderOf(ctx.store, orderId);
      if (!ref) throw new CommandError('CONFLICT', `Order ${order.number} is not a Shopee order`, { reason: 'not_shopee', number: order.number });
      try {
        const shop = shopeeShopFor(ctx.store, ctx.services.secrets, ref.accountId, { now: ctx.now });
        const [d] = await getOrderDetail(shop, [ref.orderSn], ['package_list', 'shipping_carrier']);
        // Split orders: the first package still to arrange (each package is arranged with the same choice).
        const pkgs = packagesOf(d);
        const pkg = pkgs.find((p) => !p.logisticsStatus || p.logisticsStatus === 'LOGISTICS_READY' || p.logisticsStatus === 'LOGISTICS_PICKUP_RETRY') ?? pkgs[0];
        const p = toShippingParams(await getShippingParameter(shop, { orderSn: ref.orderSn, ...(pkg.packageNumber ? { packageNumber: pkg.packageNumber } : {}) }));
        return { orderId, orderSn: ref.orderSn, packageNumber: pkg.packageNumber, ...p };
      } catch (error) {
        throw commandErrorOfShopee(error);
      }
    },
  },

  'shopeeLogistics.arrange': (ctx, input) => {
    requestArrange(ctx.store, input.orderId, choiceOf(input), actor(ctx));
    changed(ctx, [input.orderId]);
    return shopeeLogisticsStatusOf(ctx.store, input.orderId);
  },

  'shopeeLogistics.arrangeMany': (ctx, input) => {
    const results = input.orderIds.map((orderId) => {
      let number = '';
      try {
        number = readOrderRow(ctx.store, orderId).number;
        // Each order in its own savepoint: a refused one leaves nothing behind and does not stop the rest.
        const shipmentId = ctx.store.tx(() => requestArrange(ctx.store, orderId, choiceOf(input), actor(ctx)));
        return { orderId, orderNumber: number, ok: true, shipmentId, error: null };
      } catch (error) {
        const e = toErrorShape(error);
        return { orderId, orderNumber: number, ok: false, shipmentId: null, error: { code: e.code, message: e.message, details: e.details ?? {} } };
      }
    });
    changed(ctx, input.orderIds);
    return results;
  },

  'shopeeLogistics.status': (ctx, { orderId }) => shopeeLogisticsStatusOf(ctx.store, orderId),
};
