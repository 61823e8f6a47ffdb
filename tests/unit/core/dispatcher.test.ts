import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { createDispatcher } from '../../../main/core/dispatcher.js';
import type { CoreServices, Handlers, SessionState } from '../../../main/core/context.js';
import { CommandError } from '../../../main/api/errors.js';
import { Store } from '../../../main/store/store.js';
import { tempDir } from '../../fixtures/temp-dir.js';

// The dispatcher with stand-in handlers on an in-memory store: what crosses the boundary for each way
// a command can end, and that a failed command leaves no write behind.
const WAREHOUSE = { id: 1, code: 'HCM', name: 'Kho', address: '', contactName: '', contactPhone: '', type: 'main', active: true, allowNegative: false, senderAddress: null, binCount: 0, createdAt: 0 };

let store: Store;
let published: string[];
let logged: string[];
const count = () => store.sqlite.prepare('SELECT count(*) FROM notes').pluck().get();
const write = () => store.sqlite.prepare("INSERT INTO notes (body) VALUES ('x')").run();

function dispatcher(handlers: Record<string, unknown>) {
  return createDispatcher({
    store,
    handlers: handlers as unknown as Handlers,
    services: {} as CoreServices,
    publish: (name) => published.push(name),
    log: (m) => logged.push(m),
  });
}
const OPERATOR_ID = { packer: 1, manager: 2, admin: 3 } as const;
const signedIn = (role: 'packer' | 'manager' | 'admin'): SessionState => ({ operator: { id: OPERATOR_ID[role], name: 'T', role }, remote: false });

beforeEach(() => {
  store = new Store(new Database(':memory:'));
  store.sqlite.exec('CREATE TABLE notes (body TEXT NOT NULL) STRICT');
  // The dispatcher looks the signed-in operator up on every call.
  store.sqlite.exec("CREATE TABLE operators (id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, active INTEGER NOT NULL) STRICT");
  store.sqlite.exec("INSERT INTO operators VALUES (1, 'Packer', 'packer', 1), (2, 'Manager', 'manager', 1), (3, 'Admin', 'admin', 1), (4, 'Gone', 'admin', 0)");
  published = [];
  logged = [];
});
afterEach(() => store.close());

describe('dispatcher', () => {
  it('refuses names outside the contract, including inherited object keys', async () => {
    const d = dispatcher({});
    for (const name of ['orders.nuke', '__proto__', 'toString', 'constructor', '']) {
      expect(await d(signedIn('admin'), name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
  });

  it('checks sign-in and role before looking at the input', async () => {
    const handler = vi.fn();
    const d = dispatcher({ 'warehouses.create': handler });
    expect(await d({ operator: null, remote: false }, 'warehouses.create', 'garbage')).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
    expect(await d(signedIn('packer'), 'warehouses.create', 'garbage')).toMatchObject({ error: { code: 'FORBIDDEN', details: { required: 'manager' } } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers bad input with INPUT_INVALID and the paths, without calling the handler', async () => {
    const handler = vi.fn();
    const r = await dispatcher({ 'warehouses.create': handler })(signedIn('admin'), 'warehouses.create', { code: 'bad code!', name: 5 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const paths = (r as unknown as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['code', 'name']);
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns a thrown CommandError as its code and rolls its writes back', async () => {
    const d = dispatcher({ 'warehouses.create': (ctx: { emit(n: string): void }) => { write(); ctx.emit('warehouses.changed'); throw new CommandError('CODE_TAKEN', 'taken', { field: 'code' }); } });
    expect(await d(signedIn('admin'), 'warehouses.create', { code: 'HCM', name: 'Kho' })).toEqual({ ok: false, error: { code: 'CODE_TAKEN', message: 'taken', details: { field: 'code' } } });
    expect(count()).toBe(0);
    expect(published).toEqual([]);
  });

  it('turns an unexpected exception into INTERNAL, logged, with nothing written', async () => {
    const d = dispatcher({ 'warehouses.create': () => { write(); throw new TypeError('boom'); } });
    expect(await d(signedIn('admin'), 'warehouses.create', { code: 'HCM', name: 'Kho' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(count()).toBe(0);
    expect(logged).toEqual(['command failed']);
  });

  it('maps a constraint violation to CONFLICT', async () => {
    const d = dispatcher({ 'warehouses.create': () => store.sqlite.prepare('INSERT INTO notes (body) VALUES (NULL)').run() });
    expect(await d(signedIn('admin'), 'warehouses.create', { code: 'HCM', name: 'Kho' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('rolls the writes back when the answer does not match the contract', async () => {
    const d = dispatcher({ 'warehouses.create': () => { write(); return { ...WAREHOUSE, id: -1 }; } });
    expect(await d(signedIn('admin'), 'warehouses.create', { code: 'HCM', name: 'Kho' })).toMatchObject({ ok: false, error: { code: 'OUTPUT_INVALID' } });
    expect(count()).toBe(0);
    expect(published).toEqual([]);
  });

  it('commits and publishes events after a good answer, parsed by the output schema', async () => {
    const d = dispatcher({ 'warehouses.create': (ctx: { emit(n: string): void }) => { write(); ctx.emit('warehouses.changed'); return { ...WAREHOUSE, extra: 'dropped' }; } });
    const r = await d(signedIn('manager'), 'warehouses.create', { code: 'HCM', name: 'Kho' });
    expect(r).toEqual({ ok: true, value: WAREHOUSE });
    expect(count()).toBe(1);
    expect(published).toEqual(['warehouses.changed']);
  });

  it('follows the store when an operator is deactivated or re-roled while signed in', async () => {
    const d = dispatcher({ 'warehouses.create': () => ({ ...WAREHOUSE }) });
    const session = signedIn('manager');
    expect((await d(session, 'warehouses.create', { code: 'HCM', name: 'Kho' })).ok).toBe(true);
    store.sqlite.exec("UPDATE operators SET role = 'packer' WHERE id = 2");
    expect(await d(session, 'warehouses.create', { code: 'HCM', name: 'Kho' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(session.operator?.role).toBe('packer');
    store.sqlite.exec('UPDATE operators SET active = 0 WHERE id = 2');
    expect(await d(session, 'warehouses.create', { code: 'HCM', name: 'Kho' })).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
    expect(session.operator).toBeNull();
    const gone: SessionState = { operator: { id: 4, name: 'Gone', role: 'admin' }, remote: false };
    expect(await d(gone, 'warehouses.create', { code: 'HCM', name: 'Kho' })).toMatchObject({ error: { code: 'NOT_SIGNED_IN' } });
  });

  it('runs commands without a role before sign-in', async () => {
    const d = dispatcher({ 'session.setLocale': () => ({ ok: true }) });
    expect(await d({ operator: null, remote: false }, 'session.setLocale', { locale: 'en' })).toEqual({ ok: true, value: { ok: true } });
  });
});

describe('dispatcher: read-only commands', () => {
  it('see one snapshot while another process commits in between', async () => {
    const dir = tempDir();
    const file = `${dir.path}/snapshot.db`;
    const own = new Store(new Database(file));
    const other = new Database(file);
    try {
      own.sqlite.pragma('journal_mode = WAL');
      own.sqlite.exec("CREATE TABLE notes (body TEXT NOT NULL) STRICT; INSERT INTO notes VALUES ('a')");
      own.sqlite.exec("CREATE TABLE operators (id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, active INTEGER NOT NULL) STRICT; INSERT INTO operators VALUES (1, 'P', 'packer', 1)");
      const count = () => own.sqlite.prepare('SELECT count(*) FROM notes').pluck().get() as number;
      const d = createDispatcher({
        store: own,
        handlers: {
          'orders.count': () => {
            const first = count();
            other.prepare("INSERT INTO notes VALUES ('b')").run(); // another process commits now
            return { total: first, byStatus: { again: count() } };
          },
        } as unknown as Handlers,
        services: {} as CoreServices,
        publish: () => {},
      });
      const r = await d({ operator: { id: 1, name: 'P', role: 'packer' }, remote: false }, 'orders.count', {});
      expect(r).toMatchObject({ ok: true, value: { total: 1, byStatus: { again: 1 } } });
      expect(count()).toBe(2);
    } finally {
      other.close();
      own.close();
      dir.remove();
    }
  });
});
