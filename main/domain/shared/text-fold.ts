/**
 * Folds Vietnamese text for search: lower case, diacritics removed, đ → d. NFD alone leaves đ/Đ,
 * which are letters of their own in Unicode, not d plus a mark.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of folded text usable as FTS5 tokens (letters and digits only). */
export function searchTokens(input: string): string[] {
  return foldText(input)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * FTS5 MATCH expressions for what the user typed. Words up to 5 letters are prefixes, served by the
 * prefix index (prefix='2 3 4 5'); longer words are matched whole first, because a prefix query on a
 * long common word ("nguyen" is in a third of Vietnamese names) must merge its whole doclist and
 * cannot stop at the first page. `fallback` matches every word as a prefix, for when the whole words
 * find nothing (a long word typed half). Null when nothing is searchable.
 */
export function ftsQueries(input: string): { primary: string; fallback: string | null } | null {
  const tokens = searchTokens(input).slice(0, 8);
  if (!tokens.length) return null;
  const primary = tokens.map((t) => (t.length <= 5 ? `"${t}"*` : `"${t}"`)).join(' ');
  const all = tokens.map((t) => `"${t}"*`).join(' ');
  return { primary, fallback: all === primary ? null : all };
}

/** Every word as a prefix: for small tables (products, customers) where speed is not at stake. */
export function ftsPrefixQuery(input: string): string | null {
  const tokens = searchTokens(input).slice(0, 8);
  return tokens.length ? tokens.map((t) => `"${t}"*`).join(' ') : null;
}
