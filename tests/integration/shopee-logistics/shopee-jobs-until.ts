import type { Database } from 'better-sqlite3';

/**
 * Waits until `fn` gives a value, nudging the Shopee logistics jobs on each turn (`nudge`: e.g. make queued
 * jobs due now, or jump the simulator's clock, since the tracking poll backs off in real seconds). A timeout
 * names what it waited for and the last Shopee jobs, which is what a failure needs to be read.
 */
export async function untilShopeeJobs<T>(db: () => Database, nudge: () => void, what: string, fn: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(db().prepare("SELECT kind, status, last_error_code, last_error_message FROM jobs WHERE kind LIKE 'shopee.%' ORDER BY id DESC LIMIT 5").all())}`);
    }
    nudge();
    await new Promise((r) => setTimeout(r, 50));
  }
}
