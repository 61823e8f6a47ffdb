import { fail } from '../../api/errors.js';
import { GHN_SERVICE_TYPES } from '../../connectors/carriers/ghn/mapping.js';
import type { StoredAddress } from '../../api/common.js';
import type { shippingContract } from '../../api/shipping.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { carrierFor } from '../connections/connector-cache.js';
import { readOrderRow } from '../orders/order-repo.js';
import { places } from './address-cache.js';
import { matchPlace } from './address-match.js';
import { resolveAddress, saveCarrierAddress } from './address-resolve.js';
import { bookingParties } from './booking-request.js';
import { carrierCall } from './carrier-errors.js';
import { readLabel, requestLabelSize } from './carrier-labels.js';
import { requestDecision } from './delivery-decision.js';
import { resolveException } from './exceptions.js';
import { codSummary, recordPayout } from './cod.js';
import { bookManyOrders, confirmAddress, ensureSenderAddress, resolutionView } from './shipping-address-flow.js';
import { bookingDefaults, carrierOfAccount, requestBooking } from './shipment-booking.js';
import { cancelShipment, setTrackingManually } from './shipment-cancel.js';
import { getShipment, listShipments, readShipment } from './shipment-repo.js';
import { listExceptions, shippingForOrder } from './shipping-queries.js';
import { importCarrierStatuses } from './status-import.js';
import { enqueueTracking } from './tracking-schedule.js';
import { ownLabelPdf } from './own-label.js';

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });
const changed = (ctx: CommandContext, orderIds: number[]) => {
  ctx.emit('shipments.changed', { orderIds });
  ctx.emit('orders.changed', { ids: orderIds });
  ctx.emit('jobs.changed', {});
};

export const shippingHandlers: HandlersFor<typeof shippingContract> = {
  'shipping.forOrder': (ctx, { orderId }) => shippingForOrder(ctx.store, orderId),
  'shipping.get': (ctx, { id }) => getShipment(ctx.store, id),
  'shipping.list': (ctx, input) => listShipments(ctx.store, input),

  'shipping.resolveAddress': {
    async: async (ctx, { orderId, accountId }) => {
      const order = readOrderRow(ctx.store, orderId);
      const carrier = carrierOfAccount(ctx.store, accountId);
      const saved = resolutionView(ctx.store, orderId, carrier);
      if (saved.ok) return saved;
      const connector = carrierFor(ctx.store, ctx.services.secrets, accountId);
      const r = await carrierCall(ctx, accountId, () => resolveAddress(ctx.store, connector, carrier, JSON.parse(order.address_json) as StoredAddress, ctx.now));
      if (r.ok) ctx.store.tx(() => saveCarrierAddress(ctx.store, 'order', orderId, carrier, r.address, r.kind, ctx.operatorId, ctx.now()));
      // The sender side is resolved on the way, so the booking form never stops on it later.
      await carrierCall(ctx, accountId, () => ensureSenderAddress(ctx.store, connector, carrier, order.warehouse_id, ctx.operatorId, ctx.now));
      return r.ok ? resolutionView(ctx.store, orderId, carrier) : { carrier, ok: false, matchKind: null, address: null, problem: r.problem };
    },
  },

  'shipping.places': {
    async: async (ctx, { accountId, scheme, level, parentId, query }) => {
      const carrier = carrierOfAccount(ctx.store, accountId);
      const connector = carrierFor(ctx.store, ctx.services.secrets, accountId);
      const list = (await carrierCall(ctx, accountId, () => places(ctx.store, connector, carrier, scheme, level, parentId, ctx.now))) ?? [];
      if (!query) return list.map((p) => ({ id: p.id, name: p.name, active: p.active }));
      const m = matchPlace(query, list);
      const hits = m.ok ? [m.place] : m.candidates;
      return hits.map((p) => ({ id: p.id, name: p.name, active: p.active }));
    },
  },

  'shipping.confirmAddress': (ctx, { orderId, accountId, address }) => {
    const carrier = carrierOfAccount(ctx.store, accountId);
    readOrderRow(ctx.store, orderId);
    confirmAddress(ctx.store, orderId, carrier, address, ctx.operatorId, ctx.now());
    ctx.emit('shipments.changed', { orderIds: [orderId] });
    return resolutionView(ctx.store, orderId, carrier);
  },

  'shipping.quote': {
    async: async (ctx, form) => {
      const order = readOrderRow(ctx.store, form.orderId);
      const carrier = carrierOfAccount(ctx.store, form.accountId);
      const { from, to } = bookingParties(ctx.store, order, carrier);
      const connector = carrierFor(ctx.store, ctx.services.secrets, form.accountId);
      return carrierCall(ctx, form.accountId, () => connector.quote({
        from, to, codVnd: form.codVnd, insuranceVnd: form.insuranceVnd,
        parcel: { weightG: form.weightG, lengthCm: form.lengthCm, widthCm: form.widthCm, heightCm: form.heightCm, valueVnd: order.subtotal, items: [] },
      }));
    },
  },

  'shipping.book': (ctx, form) => {
    const id = requestBooking(ctx.store, form, actor(ctx));
    changed(ctx, [form.orderId]);
    return getShipment(ctx.store, id);
  },

  'shipping.bookMany': {
    async: async (ctx, input) => {
      const carrier = carrierOfAccount(ctx.store, input.accountId);
      // GHN's service types have fixed names; a VTP service's name comes from the quote the operator picked it from.
      const serviceName = input.serviceName || (carrier === 'ghn' ? GHN_SERVICE_TYPES[input.serviceCode]?.name : '') || input.serviceCode;
      const results = await bookManyOrders(ctx, input, (orderId) => ({
        ...bookingDefaults(ctx.store, orderId, input.accountId, input.payer),
        orderId, accountId: input.accountId, serviceCode: input.serviceCode, serviceName, payer: input.payer, inspection: input.inspection, note: '',
      }));
      changed(ctx, input.orderIds);
      return results;
    },
  },

  'shipping.cancel': (ctx, { id, reason }) => {
    const s = cancelShipment(ctx.store, id, reason, actor(ctx));
    changed(ctx, [s.order_id]);
    return getShipment(ctx.store, id);
  },

  'shipping.trackNow': (ctx, { id }) => {
    if (id !== undefined) readShipment(ctx.store, id);
    const queued = enqueueTracking(ctx.store, ctx.now(), id);
    ctx.emit('jobs.changed', {});
    return { queued };
  },

  'shipping.label': (ctx, { id, size }) => readLabel(ctx.store, ctx.services.dataDir, id, size),

  'shipping.relabel': (ctx, { id, size }) => {
    const source = requestLabelSize(ctx.store, id, size, ctx.now());
    const s = readShipment(ctx.store, id);
    changed(ctx, [s.order_id]);
    return { shipment: getShipment(ctx.store, id), source };
  },

  'shipping.decideDelivery': (ctx, { id, decision }) => {
    requestDecision(ctx.store, id, decision, actor(ctx));
    const s = readShipment(ctx.store, id);
    changed(ctx, [s.order_id]);
    ctx.emit('exceptions.changed', {});
    return getShipment(ctx.store, id);
  },

  'shipping.ownLabel': { async: (ctx, { id, media }) => ownLabelPdf(ctx.store, id, media, ctx.now()) },

  'shipping.setTracking': (ctx, { id, trackingNumber }) => {
    const s = setTrackingManually(ctx.store, id, trackingNumber, actor(ctx));
    changed(ctx, [s.order_id]);
    return getShipment(ctx.store, id);
  },

  'shipping.importStatuses': {
    async: async (ctx, input) => {
      const result = ctx.store.tx(() => importCarrierStatuses(ctx.store, input.accountId, Buffer.from(input.contentBase64, 'base64').toString('utf8'), ctx.now()));
      ctx.emit('shipments.changed', {});
      ctx.emit('orders.changed', {});
      ctx.emit('exceptions.changed', {});
      return result;
    },
  },

  'exceptions.list': (ctx, input) => listExceptions(ctx.store, input),
  'exceptions.resolve': (ctx, { id, resolution }) => {
    if (!resolveException(ctx.store, id, resolution, ctx.operatorId, ctx.now())) fail('NOT_FOUND', 'No open exception with this id', { entity: 'exception', id });
    ctx.emit('exceptions.changed', {});
    return { ok: true as const };
  },

  'cod.summary': (ctx, { accountId }) => codSummary(ctx.store, accountId),
  'cod.recordPayout': (ctx, input) => {
    const r = recordPayout(ctx.store, input, ctx.operatorId, ctx.now());
    ctx.emit('shipments.changed', {});
    if (r.mismatch) ctx.emit('exceptions.changed', {});
    return r;
  },
};
