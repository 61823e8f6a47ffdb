import { mkdirSync } from 'node:fs';
import { closeScales } from '../domain/scales/scale-service.js';
import { closeAuthListeners } from '../domain/marketplaces/shopee/shopee-connect.js';
import { join } from 'node:path';
import type { EventName } from '../api/index.js';
import { backupDatabase, listBackups } from '../store/backup.js';
import { loadMigrations, migrate } from '../store/migrator.js';
import { openSqlite } from '../store/open-database.js';
import { Store } from '../store/store.js';
import { getSetting, setSetting } from '../domain/shared/settings.js';
import type { CoreServices, SessionState } from './context.js';
import { createDispatcher } from './dispatcher.js';
import { createHandlers } from './handlers.js';
import type { CallResult, EventMessage } from './protocol.js';
import { appVersion } from './version.js';
import { loadOrCreateKeyFile, SecretBox } from './secret-box.js';
import { JobRunner } from '../sync/job-runner.js';
import { jobKinds } from './job-kinds.js';
import { rateLimits } from '../domain/connections/connection-service.js';
import { enqueueTracking } from '../domain/shipping/tracking-schedule.js';
import { handleCarrierWebhook, type WebhookReply } from '../domain/shipping/webhooks.js';
import { connectDemoShopee, upsertDemoConnections } from '../domain/demo/demo-connections.js';
import type { DemoNetwork } from '../simulators/demo-network.js';
import { PrintWorker } from '../domain/printing/print-worker.js';
import type { OsPrint } from '../domain/printing/printer-transports.js';
import { upsertDemoPrinters } from '../domain/demo/demo-printers.js';
import { IntakePoller } from '../domain/intake/intake-poller.js';

export interface CoreOptions {
  dataDir: string;
  /** 32 bytes for encrypting secrets at rest (Electron passes one kept by safeStorage). */
  secretKey?: Buffer;
  now?: () => number;
  /** Daily backups; off in tests that do not want a timer. */
  autoBackup?: boolean;
  /** Run outbox jobs (default on); tests of pure storage turn it off. */
  runJobs?: boolean;
  /** Job runner tuning for tests (clock, random, poll interval). */
  jobs?: { pollMs?: number; random?: () => number };
  /** How often active GHN shipments are polled (default 10 minutes; 0 = only on demand). */
  trackEveryMs?: number;
  /** Start the demo shop's loopback carriers when the data folder is a demo shop (default on). */
  demoNetwork?: boolean | { advanceEveryMs?: number };
  log?: (message: string, error?: unknown) => void;
  /** Prints a PDF on an OS printer; given by the Electron host only (main/hosts/electron/os-printer.ts). */
  osPrint?: OsPrint;
  /** Print queue tuning for tests (poll interval). */
  printJobs?: { pollMs?: number };
  /** How often the order intake looks for shops due a pull (default 5 s; 0 = only "sync now"). */
  intakeTickMs?: number;
}

export interface Session {
  call(command: string, input: unknown): Promise<CallResult>;
  onEvent(listener: (e: EventMessage) => void): () => void;
  readonly signedIn: boolean;
  close(): void;
}

export interface Core {
  readonly dataDir: string;
  readonly store: Store;
  readonly secrets: SecretBox;
  openSession(info?: { station?: string; remote?: boolean }): Session;
  /** A carrier's status callback received by the web host. */
  webhook(provider: 'viettelpost' | 'ghn', headers: Record<string, string | string[] | undefined>, body: unknown): WebhookReply;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'packdesk.db';

/**
 * The data folder remembers a value sealed with its key: a different key (a new safeStorage key, a
 * lost key file) would make every stored token unreadable, so the core refuses to start with it.
 */
function checkSecretKey(store: Store, secrets: SecretBox): void {
  const check = getSetting(store, 'secretCheck');
  if (!check) {
    store.tx(() => setSetting(store, 'secretCheck', secrets.seal('packdesk')));
    return;
  }
  try {
    if (secrets.open(check) === 'packdesk') return;
  } catch {
    // fall through to the error below
  }
  store.close();
  throw new Error('The secret key does not match this data folder: stored passwords and tokens could not be read. Restore the key file (secret.key) or the data folder from the same backup.');
}
const DAY = 24 * 60 * 60 * 1000;

export async function startCore(opts: CoreOptions): Promise<Core> {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? ((m, e) => console.error(`[core] ${m}`, e ?? ''));
  mkdirSync(opts.dataDir, { recursive: true });
  const sqlite = openSqlite(join(opts.dataDir, DATABASE_FILE));
  migrate(sqlite, await loadMigrations());
  const store = new Store(sqlite);
  const secrets = new SecretBox(opts.secretKey ?? loadOrCreateKeyFile(opts.dataDir));
  checkSecretKey(store, secrets);
  const backupsDir = join(opts.dataDir, 'backups');

  const listeners = new Set<(e: EventMessage) => void>();
  const publish = (name: EventName, payload: unknown) => {
    // A command that enqueued jobs announces it; the runner looks at once instead of at its next poll.
    // Any stock change may have queued marketplace stock pushes (a trigger on stock_levels, migration
    // 0012) in the same commit: those must leave within seconds, so they wake the runner too.
    if (name === 'jobs.changed' || name === 'stock.changed') runner.wake();
    if (name === 'printing.changed') printer.wake();
    for (const l of listeners) {
      try {
        l({ name, payload });
      } catch (error) {
        log('event listener failed', error);
      }
    }
  };

  let backupRunning: Promise<unknown> | null = null;
  let demo: DemoNetwork | null = null;
  let demoStarting: Promise<void> | null = null;
  // Loaded lazily: a real shop never pays for the simulators' code.
  const startDemoNetwork = () => (demoStarting ??= (async () => {
    if (opts.demoNetwork === false) return;
    const { startDemoNetwork: start } = await import('../simulators/demo-network.js');
    demo = await start({
      sink: { webhook: (provider, headers, body) => core.webhook(provider, headers, body) },
      advanceEveryMs: typeof opts.demoNetwork === 'object' ? opts.demoNetwork.advanceEveryMs : undefined,
      // The "Máy in ảo" screen refreshes when a label has been decoded, not only when it was sent.
      onPrinterLabel: () => publish('printing.changed', { virtual: true }),
    });
    upsertDemoConnections(store, secrets, demo, now());
    // The demo Shopee shop, connected through the real client (its orders then arrive through intake).
    await connectDemoShopee(store, secrets, demo, now).then(() => publish('connections.changed', {}), (e) => log('the demo Shopee shop did not connect', e));
    if (demo.printers) upsertDemoPrinters(store, getSetting(store, 'station'), demo.printers, now());
  })());
  const runner = new JobRunner({
    store,
    kinds: jobKinds({ dataDir: opts.dataDir, secrets }),
    limits: (accountId) => rateLimits(store, accountId),
    now,
    random: opts.jobs?.random,
    pollMs: opts.jobs?.pollMs,
    onChange: (info) => {
      publish('jobs.changed', info);
      // A finished shipment job has moved a shipment, its order and perhaps an exception: windows showing them refresh.
      if (info.subject?.type === 'shipment' && info.status !== 'queued') {
        for (const e of ['shipments.changed', 'orders.changed', 'exceptions.changed'] as const) publish(e, {});
      }
    },
    onConnectivity: (online) => publish('connectivity.changed', { online }),
    log,
  });
  // The print queue runs beside the outbox, not in it: printing never waits for the internet.
  const printer = new PrintWorker({
    store, dataDir: opts.dataDir, now, osPrint: opts.osPrint, pollMs: opts.printJobs?.pollMs, log,
    onChange: (info) => publish('printing.changed', info),
  });
  // Marketplace order intake (main/domain/intake): pulls each connected shop at its interval, waits while offline.
  const intake = new IntakePoller({
    store, secrets, now, log, tickMs: opts.intakeTickMs, isOnline: () => runner.online,
    onChange: (r) => {
      publish('intake.changed', { accountId: r.accountId });
      if (r.counts.created || r.counts.updated || r.counts.needsMapping) for (const e of ['orders.changed', 'stock.changed', 'exceptions.changed'] as const) publish(e, {});
    },
  });
  const services: CoreServices = {
    dataDir: opts.dataDir,
    version: appVersion(),
    secrets,
    jobs: {
      get online() {
        return runner.online;
      },
      get paused() {
        return runner.state === 'paused';
      },
      pause: () => runner.pause(),
      resume: () => runner.resume(),
      wake: () => runner.wake(),
    },
    backupNow: async () => {
      const info = await backupDatabase(sqlite, backupsDir, now());
      setSetting(store, 'lastBackupAt', String(info.createdAt));
      return info;
    },
    listBackups: () => listBackups(backupsDir),
    startDemoNetwork,
    printing: {
      wake: () => printer.wake(),
      osPrintAvailable: opts.osPrint !== undefined,
      virtualLabels: () => (demo as DemoNetwork | null)?.printers?.recent() ?? [],
    },
  };
  const dispatch = createDispatcher({ store, handlers: createHandlers(), services, now, publish, log });

  const maybeBackup = () => {
    const last = Number(getSetting(store, 'lastBackupAt') || 0);
    if (backupRunning || now() - last < DAY) return;
    backupRunning = services.backupNow().catch((e) => log('daily backup failed', e)).finally(() => (backupRunning = null));
  };
  const timer = opts.autoBackup === false ? null : setInterval(maybeBackup, 60 * 60 * 1000);
  timer?.unref();
  if (opts.autoBackup !== false) setTimeout(maybeBackup, 10_000).unref();

  const pending = new Set<Promise<unknown>>();
  let closed = false;
  if (opts.runJobs !== false) runner.start();
  if (opts.runJobs !== false) printer.start();
  if (opts.runJobs !== false) intake.start();
  const trackEvery = opts.trackEveryMs ?? 10 * 60_000;
  const tracker = opts.runJobs !== false && trackEvery > 0
    ? setInterval(() => {
        try {
          if (enqueueTracking(store, now())) publish('jobs.changed', {});
        } catch (error) {
          log('scheduling tracking failed', error);
        }
      }, trackEvery)
    : null;
  tracker?.unref();

  const core: Core = {
    dataDir: opts.dataDir,
    store,
    secrets,
    openSession(info = {}) {
      const state: SessionState = { operator: null, remote: info.remote ?? false, station: info.station?.trim().slice(0, 60) || undefined };
      const own = new Set<(e: EventMessage) => void>();
      return {
        get signedIn() {
          return state.operator !== null;
        },
        call(command, input) {
          if (closed) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The core is shutting down' } });
          const p = dispatch(state, command, input);
          pending.add(p);
          return p.finally(() => pending.delete(p));
        },
        onEvent(listener) {
          listeners.add(listener);
          own.add(listener);
          return () => {
            listeners.delete(listener);
            own.delete(listener);
          };
        },
        close() {
          for (const l of own) listeners.delete(l);
          own.clear();
          state.operator = null;
        },
      };
    },
    webhook(provider, headers, body) {
      const reply = handleCarrierWebhook(store, secrets, provider, headers, body, now());
      if (reply.status === 200) {
        for (const e of ['shipments.changed', 'orders.changed', 'exceptions.changed'] as const) publish(e, {});
      }
      return reply;
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      if (tracker) clearInterval(tracker);
      // Drain: commands and jobs already running finish and commit before the file closes.
      await Promise.allSettled([...pending, runner.drain(), printer.drain(), intake.drain(), ...(backupRunning ? [backupRunning] : []), ...(demoStarting ? [demoStarting] : [])]);
      await demo?.close();
      // An open serial or HID handle would keep the process alive after the window closes.
      await closeScales(store).catch((e) => log('a scale did not close', e));
      // A Shopee connection still waiting for its redirect holds a loopback port open.
      closeAuthListeners(store);
      listeners.clear();
      store.close();
    },
  };
  if (getSetting(store, 'demo') === '1') await startDemoNetwork().catch((e) => log('the demo carriers did not start', e));
  return core;
}
