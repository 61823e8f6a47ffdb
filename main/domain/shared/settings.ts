import { hostname } from 'node:os';
import type { Store } from '../../store/store.js';

const DEFAULTS = { locale: 'vi', station: hostname() || 'Station 1', demo: '0', lastBackupAt: '', secretCheck: '' } as const;
export type SettingKey = keyof typeof DEFAULTS;

export function getSetting(store: Store, key: SettingKey): string {
  const row = store.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? DEFAULTS[key];
}

export function setSetting(store: Store, key: SettingKey, value: string): void {
  store.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Next value of a named counter, inside the caller's transaction. */
export function nextCounter(store: Store, name: string): number {
  const row = store
    .prepare('INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value')
    .get(name) as { value: number };
  return row.value;
}
