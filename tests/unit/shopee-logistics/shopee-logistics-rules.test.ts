import { describe, expect, it } from 'vitest';
import { arrangeBlocker, awbExtension, awbWindow, chooseMethod, packagesOf, trackingPollDelayMs, type ShippingParams } from '../../../main/domain/shopee-logistics/shopee-logistics-rules.js';

const pickupOnly: ShippingParams = {
  infoNeeded: { pickup: ['address_id', 'pickup_time_id'] },
  pickup: [{ addressId: '11', address: 'Kho Q1', timeSlots: [{ date: 1, pickupTimeId: 'T1', text: 'Sáng' }, { date: 2, pickupTimeId: 'T2', text: 'Chiều' }] }],
  dropoff: null,
};
const both: ShippingParams = { ...pickupOnly, infoNeeded: { pickup: ['address_id', 'pickup_time_id'], dropoff: [] }, dropoff: [{ branchId: '7', address: 'Bưu cục' }] };
const dropoffWithBranch: ShippingParams = { infoNeeded: { dropoff: ['branch_id'] }, pickup: null, dropoff: [{ branchId: '7', address: 'Bưu cục' }] };

describe('which arrange method', () => {
  it('auto prefers a drop-off that needs nothing, then a branch, then the first pickup slot', () => {
    expect(chooseMethod(both, { method: 'auto' })).toEqual({ ok: true, method: 'dropoff', body: { dropoff: {} } });
    expect(chooseMethod(dropoffWithBranch, { method: 'auto' })).toEqual({ ok: true, method: 'dropoff', body: { dropoff: { branch_id: 7 } } });
    expect(chooseMethod(pickupOnly, { method: 'auto' })).toEqual({ ok: true, method: 'pickup', body: { pickup: { address_id: 11, pickup_time_id: 'T1' } } });
    expect(chooseMethod({ infoNeeded: {}, pickup: null, dropoff: null }, { method: 'auto' })).toMatchObject({ ok: false, code: 'METHOD_UNAVAILABLE' });
  });
  it('a pickup needs an offered time slot; a drop-off an offered branch when Shopee asks for one', () => {
    expect(chooseMethod(pickupOnly, { method: 'pickup', addressId: '11', pickupTimeId: 'T2' })).toMatchObject({ ok: true, body: { pickup: { address_id: 11, pickup_time_id: 'T2' } } });
    expect(chooseMethod(pickupOnly, { method: 'pickup', addressId: '11' })).toMatchObject({ ok: false, code: 'PICKUP_SLOT_REQUIRED' });
    expect(chooseMethod(pickupOnly, { method: 'pickup', pickupTimeId: 'GONE' })).toMatchObject({ ok: false, code: 'PICKUP_SLOT_REQUIRED' });
    expect(chooseMethod(pickupOnly, { method: 'dropoff' })).toMatchObject({ ok: false, code: 'METHOD_UNAVAILABLE' });
    expect(chooseMethod(dropoffWithBranch, { method: 'dropoff' })).toMatchObject({ ok: false, code: 'BRANCH_REQUIRED' });
    expect(chooseMethod(dropoffWithBranch, { method: 'dropoff', branchId: '8' })).toMatchObject({ ok: false, code: 'BRANCH_REQUIRED' });
    expect(chooseMethod(dropoffWithBranch, { method: 'dropoff', branchId: '7' })).toMatchObject({ ok: true, body: { dropoff: { branch_id: 7 } } });
  });
});

describe('split packages', () => {
  it('every package of package_list, each with its carrier; none listed is one unnamed package', () => {
    expect(packagesOf({ shipping_carrier: 'SPX', package_list: [{ package_number: 'P1', logistics_status: 'LOGISTICS_READY' }, { package_number: 'P2', logistics_status: 'LOGISTICS_REQUEST_CREATED', shipping_carrier: 'GHN' }] }))
      .toEqual([{ packageNumber: 'P1', logisticsStatus: 'LOGISTICS_READY', shippingCarrier: 'SPX' }, { packageNumber: 'P2', logisticsStatus: 'LOGISTICS_REQUEST_CREATED', shippingCarrier: 'GHN' }]);
    expect(packagesOf({})).toEqual([{ packageNumber: '', logisticsStatus: '', shippingCarrier: '' }]);
    expect(packagesOf(undefined)).toHaveLength(1);
    expect(packagesOf({ package_list: [{ package_number: '' }] })).toEqual([{ packageNumber: '', logisticsStatus: '', shippingCarrier: '' }]);
  });
});

describe('when the AWB may be fetched', () => {
  it('only between arranging (PROCESSED, tracking numbers known) and pickup', () => {
    expect(awbWindow('PROCESSED', ['LOGISTICS_REQUEST_CREATED'], true)).toBe('fetch');
    expect(awbWindow('PROCESSED', ['LOGISTICS_REQUEST_CREATED'], false)).toBe('wait');
    expect(awbWindow('READY_TO_SHIP', ['LOGISTICS_READY'], true)).toBe('wait');
    expect(awbWindow('SHIPPED', ['LOGISTICS_PICKUP_DONE'], true)).toBe('too_late');
    expect(awbWindow('PROCESSED', ['LOGISTICS_REQUEST_CREATED', 'LOGISTICS_PICKUP_DONE'], true)).toBe('too_late');
    expect(awbWindow('COMPLETED', [], true)).toBe('too_late');
    expect(awbWindow('CANCELLED', [], true)).toBe('cancelled');
    expect(awbWindow('IN_CANCEL', [], true)).toBe('cancelled');
  });
  it('arranging is refused for cancelled, cancel-requested, unpaid and already-left orders', () => {
    expect(arrangeBlocker('READY_TO_SHIP', '')).toBeNull();
    expect(arrangeBlocker('RETRY_SHIP', '')).toBeNull();
    expect(arrangeBlocker('CANCELLED', '')).toBe('cancelled');
    expect(arrangeBlocker('IN_CANCEL', '')).toBe('in_cancel');
    expect(arrangeBlocker('READY_TO_SHIP', 'in_cancel')).toBe('in_cancel');
    expect(arrangeBlocker('UNPAID', 'unpaid')).toBe('unpaid');
    expect(arrangeBlocker('SHIPPED', '')).toBe('shipped');
    expect(arrangeBlocker('INVOICE_PENDING', '')).toBe('not_ready');
  });
});

describe('tracking poll and files', () => {
  it('backs off from seconds to at most 5 minutes', () => {
    expect(trackingPollDelayMs(1)).toBe(2_000);
    expect(trackingPollDelayMs(2)).toBe(4_000);
    expect(trackingPollDelayMs(20)).toBe(300_000);
  });
  it('names the AWB by its bytes first', () => {
    expect(awbExtension('application/octet-stream', Buffer.from('%PDF-1.4'))).toBe('pdf');
    expect(awbExtension('application/pdf', Buffer.from('PK\x03\x04'))).toBe('zip');
    expect(awbExtension('text/html', Buffer.from('<html>'))).toBe('html');
  });
});
