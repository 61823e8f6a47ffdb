import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type Database from 'better-sqlite3';
import type { DB } from './schema.js';
import type { Sqlite } from './open-database.js';

/**
 * kysely builds typed SQL; better-sqlite3 runs it synchronously. Running synchronously is what makes
 * a command one atomic transaction with no interleaving: two commands racing for the last unit are
 * serialised by construction (DESIGN.md rule 3).
 */
export class Store {
  readonly qb: Kysely<DB>;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(readonly sqlite: Sqlite) {
    this.qb = new Kysely<DB>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  /** A cached prepared statement: hot paths write SQL by hand and skip the builder. */
  prepare(sql: string): Database.Statement {
    let st = this.#statements.get(sql);
    if (!st) {
      st = this.sqlite.prepare(sql);
      this.#statements.set(sql, st);
    } else if (st.reader) {
      // The statement is shared: a caller's .pluck()/.raw()/.expand() would change it for every later
      // caller of the same SQL, so each prepare hands it back in its plain row mode.
      st.pluck(false).raw(false).expand(false);
    }
    return st;
  }

  all<R>(query: Compilable<R>): R[] {
    const c = query.compile();
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const c = query.compile();
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
    const c = query.compile();
    const r = this.prepare(c.sql).run(...(c.parameters as unknown[]));
    return { changes: r.changes, lastInsertRowid: Number(r.lastInsertRowid) };
  }

  /**
   * Runs `fn` in one transaction; nested calls become savepoints. IMMEDIATE takes the write lock up
   * front, so a second process on the same file waits (busy_timeout) instead of failing mid-command
   * when it tries to upgrade a read snapshot another writer has moved past.
   */
  tx<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  /**
   * Runs `fn` in one read transaction: every query in it sees the same snapshot, even while another
   * process commits (WAL), so a list and its total, or an order and its lines, agree.
   */
  read<T>(fn: () => T): T {
    return this.sqlite.inTransaction ? fn() : this.sqlite.transaction(fn).deferred();
  }

  close(): void {
    this.#statements.clear();
    this.sqlite.close();
  }
}
