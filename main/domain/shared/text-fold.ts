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

/** An FTS5 MATCH expression that requires every word as a prefix; null when nothing searchable. */
export function ftsPrefixQuery(input: string): string | null {
  const tokens = searchTokens(input).slice(0, 8);
  if (!tokens.length) return null;
  return tokens.map((t) => `"${t}"*`).join(' ');
}
