import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrackingEvent } from '../../../main/connectors/carriers/carrier-connector.js';
import { gated } from '../../../main/connectors/carriers/shared/request-gate.js';
import { mapVtpStatus } from '../../../main/connectors/carriers/viettelpost/status-map.js';
import { withAccountLimit } from '../../../main/domain/shipping/carrier-errors.js';
import { canDecideDelivery, foldEvents, STATUS_RANKS } from '../../../main/domain/shipping/shipment-state-rules.js';
import { EXCEPTION_POLLING, pollDue } from '../../../main/domain/shipping/tracking-schedule.js';
import { RateLimiter, shareLimiter } from '../../../main/sync/rate-limiter.js';

const vtp = (code: number, at: number): TrackingEvent => ({ carrierStatus: String(code), description: '', at, mapped: mapVtpStatus(code).state });
const SECOND = 1_700_000_000_000;

describe('carrier statuses of the same second', () => {
  const rank = STATUS_RANKS.viettelpost;
  it.each([undefined, rank])('never move a parcel back when they arrive out of order, in one batch or in two (%s)', (r) => {
    // 500 out for delivery, 506 failed: both stamped the same second by VTP.
    const together = foldEvents({ state: 'in_transit', lastEventAt: SECOND - 1000 }, [vtp(506, SECOND), vtp(500, SECOND)], r);
    expect(together.state).toBe('delivery_failed');
    expect(together.applied?.carrierStatus).toBe('506');
    const first = foldEvents({ state: 'in_transit', lastEventAt: SECOND - 1000 }, [vtp(506, SECOND)], r);
    const second = foldEvents({ ...first, carrierStatus: '506' }, [vtp(500, SECOND)], r);
    expect(second.state).toBe('delivery_failed');
    expect(second.applied).toBeNull();
  });
  it('follow Viettel Post\'s own lifecycle within the second: a re-delivery after 505 is newer, not older', () => {
    expect(foldEvents({ state: 'delivering', lastEventAt: SECOND, carrierStatus: '500' }, [vtp(505, SECOND)], rank).state).toBe('awaiting_decision');
    expect(foldEvents({ state: 'awaiting_decision', lastEventAt: SECOND, carrierStatus: '505' }, [vtp(550, SECOND)], rank).state).toBe('delivering');
    expect(foldEvents({ state: 'delivering', lastEventAt: SECOND, carrierStatus: '550' }, [vtp(505, SECOND)], rank).state).toBe('delivering');
    expect(foldEvents({ state: 'awaiting_decision', lastEventAt: SECOND }, [vtp(550, SECOND + 1000)]).state).toBe('delivering');
  });
  it('keep a final state whatever comes after', () => {
    expect(foldEvents({ state: 'delivered', lastEventAt: SECOND }, [vtp(505, SECOND + 5000)]).state).toBe('delivered');
  });
});

describe('failed-delivery decisions', () => {
  it('are asked of GHN after a failed attempt or while waiting to return, of Viettel Post only at 505', () => {
    expect(canDecideDelivery('ghn', 'delivery_failed')).toBe(true);
    expect(canDecideDelivery('ghn', 'awaiting_decision')).toBe(true);
    expect(canDecideDelivery('viettelpost', 'awaiting_decision')).toBe(true);
    expect(canDecideDelivery('viettelpost', 'delivery_failed')).toBe(false); // 506: VTP retries on its own
    for (const s of ['delivering', 'returning', 'delivered', 'booked'] as const) expect(canDecideDelivery('ghn', s)).toBe(false);
  });
});

describe('polling a GHN parcel in exception', () => {
  const day = 24 * 60 * 60_000;
  it('polls other states every time, an exception every few hours, and stops after two weeks', () => {
    expect(pollDue('in_transit', { stateSince: 0, lastPolledAt: 1, now: 2 })).toBe(true);
    expect(pollDue('exception', { stateSince: 0, lastPolledAt: null, now: day })).toBe(true);
    expect(pollDue('exception', { stateSince: 0, lastPolledAt: day, now: day + 60_000 })).toBe(false);
    expect(pollDue('exception', { stateSince: 0, lastPolledAt: day, now: day + EXCEPTION_POLLING.everyMs })).toBe(true);
    expect(pollDue('exception', { stateSince: 0, lastPolledAt: null, now: EXCEPTION_POLLING.forMs })).toBe(false);
  });
});

describe('carrier requests made by commands', () => {
  afterEach(() => vi.useRealTimers());

  it('share the job runner\'s per-minute limit for the account, so the total never exceeds it', async () => {
    vi.useFakeTimers();
    let now = SECOND;
    const clock = () => now;
    const limiter = new RateLimiter(() => ({ perMinute: 3, concurrency: 4 }));
    const store = {};
    shareLimiter(store, limiter);
    limiter.start(7, now, 2); // a job took two requests of the minute
    limiter.finish(7);
    const sent: number[] = [];
    const request = async () => { sent.push(now); expect(limiter.startsInWindow(7, now)).toBeLessThanOrEqual(3); };
    const command = withAccountLimit({ store: store as never, now: clock }, 7, async () => {
      await gated(request);
      await gated(request);
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([SECOND]); // the third request of the minute; the fourth waits
    now += 61_000;
    await vi.advanceTimersByTimeAsync(61_000);
    await command;
    expect(sent).toEqual([SECOND, SECOND + 61_000]);
    // Another account is not held back, and calls outside a command (jobs) are not counted twice.
    await gated(async () => undefined);
    expect(limiter.startsInWindow(7, now)).toBe(1);
  });
});
