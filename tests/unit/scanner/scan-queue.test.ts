import { describe, expect, it } from 'vitest';
import { ScanDetector } from '../../../renderer/lib/scanner/scan-detector.js';
import { createScanQueue } from '../../../renderer/lib/scanner/scan-queue.js';
import { config, feed, keysOf, special } from './timeline.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('scan queue', () => {
  it('20 scans 10 ms apart are all handled, in order, one at a time, none lost or merged', async () => {
    const d = new ScanDetector<string>(config());
    const codes = Array.from({ length: 20 }, (_, i) => `SKU-${String(i + 1).padStart(4, '0')}`);
    // Each scan: 8 characters 1 ms apart and Enter; the next starts 10 ms after the previous.
    const timeline = codes.flatMap((code, i) => [...keysOf(code, i * 10, 1), special('Enter', i * 10 + 8)]);
    const handled: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const queue = createScanQueue<string>(async (code) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Handlers slower than the scans arrive, with uneven durations: order must still hold.
      await sleep(code.endsWith('3') ? 15 : 2);
      handled.push(code);
      inFlight--;
    });
    for (const key of timeline) {
      const { outcomes } = feed(d, [key]);
      for (const o of outcomes) if (o.kind === 'scan' && !o.duplicate) queue.push(o.scan.code);
    }
    expect(queue.pending).toBeGreaterThan(0);
    await queue.idle();
    expect(handled).toEqual(codes);
    expect(maxInFlight).toBe(1);
  });

  it('the next scan waits for the previous promise; a failing handler does not stall the rest', async () => {
    const events: string[] = [];
    const errors: string[] = [];
    const queue = createScanQueue<string>(
      async (code) => {
        events.push(`start ${code}`);
        await sleep(5);
        if (code === 'B') throw new Error('boom');
        events.push(`end ${code}`);
      },
      (_err, code) => errors.push(code),
    );
    queue.push('A');
    queue.push('B');
    queue.push('C');
    await queue.idle();
    expect(events).toEqual(['start A', 'end A', 'start B', 'start C', 'end C']);
    expect(errors).toEqual(['B']);
  });

  it('idle resolves at once when nothing is queued, and a synchronous handler is delivered in the same tick', async () => {
    const got: number[] = [];
    const queue = createScanQueue<number>((n) => void got.push(n));
    await queue.idle();
    queue.push(1);
    expect(got).toEqual([1]);
  });
});
