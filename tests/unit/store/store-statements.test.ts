import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Store } from '../../../main/store/store.js';

describe('Store.prepare', () => {
  it('hands a cached statement back in plain row mode whatever an earlier caller switched on', () => {
    const store = new Store(new Database(':memory:'));
    store.sqlite.exec("CREATE TABLE w (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO w VALUES (1, 'Kho A')");
    const sql = 'SELECT id, name FROM w WHERE id = ?';
    expect(store.prepare(sql).pluck().get(1)).toBe(1);
    expect(store.prepare(sql).get(1)).toEqual({ id: 1, name: 'Kho A' });
    expect(store.prepare(sql).raw().get(1)).toEqual([1, 'Kho A']);
    expect(store.prepare(sql).get(1)).toEqual({ id: 1, name: 'Kho A' });
    expect(store.prepare('UPDATE w SET name = ? WHERE id = 1').run('Kho B').changes).toBe(1);
    store.sqlite.close();
  });
});
