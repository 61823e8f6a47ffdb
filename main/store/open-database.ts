import Database from 'better-sqlite3';

export type Sqlite = Database.Database;

/** Opens the store file with the pragmas every connection must have (DESIGN.md rule 12). */
export function openSqlite(file: string, options: { readonly?: boolean } = {}): Sqlite {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A larger page cache keeps list queries on a 1M-order store off the disk after the first page.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}
