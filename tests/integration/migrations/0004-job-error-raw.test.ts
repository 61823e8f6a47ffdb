import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf, storeAt } from '../../fixtures/migrations.js';

// 0004 adds a column to a table that already holds jobs: queued and failed jobs written before it must
// keep every field and read an empty raw answer.
describe('migration 0004-job-error-raw', () => {
  let store: Awaited<ReturnType<typeof storeAt>>;
  beforeAll(async () => {
    store = await storeAt(3);
    store.db.prepare(`INSERT INTO jobs (kind, idempotency_key, payload_json, status, run_after, last_error_code, last_error_message, created_at, updated_at)
      VALUES ('shipment.book', 'k1', '{"shipmentId":1}', 'failed', 0, 'CARRIER_REJECTED', 'Sai phường', 1, 1)`).run();
    expect(store.upTo(4)).toEqual([4]);
  });
  afterAll(() => store.close());

  it('keeps existing jobs whole with no raw answer', () => {
    expect(columnsOf(store.db, 'jobs')).toContain('last_error_raw');
    expect(store.db.prepare("SELECT payload_json, last_error_message, last_error_raw FROM jobs WHERE idempotency_key = 'k1'").get())
      .toEqual({ payload_json: '{"shipmentId":1}', last_error_message: 'Sai phường', last_error_raw: null });
  });
});
