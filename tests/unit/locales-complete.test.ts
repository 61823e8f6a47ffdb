import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// vi is the first language and en must be complete: both have the same namespaces and the same keys,
// and no string is left empty. A key missing in one language shows raw text to its users. Plural forms
// differ by language (Vietnamese has only `_other`, English `_one` and `_other`): compared by their base key.

const root = join(import.meta.dirname, '../../renderer/locales');

const keysOf = (value: unknown, prefix = ''): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

const base = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '');

const load = (lang: string, file: string): unknown => JSON.parse(readFileSync(join(root, lang, file), 'utf8'));

describe('locales', () => {
  const vi = readdirSync(join(root, 'vi')).filter((f) => f.endsWith('.json')).sort();
  const en = readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json')).sort();

  it('vi and en have the same namespaces', () => {
    expect(en).toEqual(vi);
  });

  it.each(vi)('%s has the same keys in vi and en, none empty', (file) => {
    const a = load('vi', file);
    const b = load('en', file);
    const ka = [...new Set(keysOf(a).map(base))].sort();
    const kb = [...new Set(keysOf(b).map(base))].sort();
    expect(kb.filter((k) => !ka.includes(k)), 'only in en').toEqual([]);
    expect(ka.filter((k) => !kb.includes(k)), 'only in vi').toEqual([]);
    const empty = (o: unknown) => keysOf(o).filter((k) => k.split('.').reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], o) === '');
    expect(empty(a), 'empty in vi').toEqual([]);
    expect(empty(b), 'empty in en').toEqual([]);
  });
});
