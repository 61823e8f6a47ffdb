import type { TFunction } from 'i18next';
import type { FieldIssueOut, Publication, ShopeeCategory } from '../../../../main/api/listing-publish.js';

// Pure helpers of the "Đăng lên Shopee" screen: the category tree as searchable paths, and the errors
// shown next to each field (ours, translated; Shopee's, in Shopee's words).

export interface CategoryPath {
  id: string;
  path: string;
  leaf: boolean;
  /** Lower-case, without diacritics, for search. */
  folded: string;
}

export const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** Every category with its names root → leaf; leaves first in search (only leaves can be chosen). */
export function categoryPaths(list: readonly ShopeeCategory[]): CategoryPath[] {
  const byId = new Map(list.map((c) => [c.id, c]));
  const pathOf = (c: ShopeeCategory): string => {
    const names: string[] = [];
    for (let x: ShopeeCategory | undefined = c, guard = 0; x && guard < 20; x = x.parentId ? byId.get(x.parentId) : undefined, guard++) names.unshift(x.name);
    return names.join(' › ');
  };
  return list.map((c) => {
    const path = pathOf(c);
    return { id: c.id, path, leaf: !c.hasChildren, folded: fold(path) };
  }).sort((a, b) => a.path.localeCompare(b.path, 'vi'));
}

export function searchCategories(paths: readonly CategoryPath[], query: string, limit = 30): CategoryPath[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return paths.filter((p) => p.leaf && words.every((w) => p.folded.includes(w))).slice(0, limit);
}

export interface ShownError {
  text: string;
  fromShopee: boolean;
}

/** Our checks' message for one issue (publish:check.<code>). */
export const issueText = (t: TFunction, i: FieldIssueOut) => t(`publish:check.${i.code}`, { ...(i.params ?? {}), defaultValue: i.code });

/**
 * Errors per field key: our checks first, then what Shopee said on the last attempt (cleared by the next
 * "Đăng"). An image error carries its URL and is shown on that image.
 */
export function errorsByField(t: TFunction, checks: readonly FieldIssueOut[], publication: Publication | null): Map<string, ShownError[]> {
  const out = new Map<string, ShownError[]>();
  const add = (field: string, e: ShownError) => out.set(field, [...(out.get(field) ?? []), e]);
  for (const i of checks) add(i.field, { text: issueText(t, i), fromShopee: false });
  if (publication?.status === 'failed') {
    for (const e of publication.fieldErrors) add(e.url ? `image:${e.url}` : e.field, { text: t('publish:shopeeSaid', { message: e.message }), fromShopee: true });
  }
  return out;
}

export const firstError = (errors: Map<string, ShownError[]>, field: string): string | undefined => {
  const list = errors.get(field);
  return list?.length ? list.map((e) => e.text).join(' · ') : undefined;
};

/** Which of the four steps are done, which runs, for the progress line. */
export function stepStates(p: Publication | null): Record<'images' | 'item' | 'tiers' | 'done', 'done' | 'active' | 'failed' | 'todo'> {
  const order = ['images', 'item', 'tiers', 'done'] as const;
  const at = p ? order.indexOf(p.step) : -1;
  const live = p?.status === 'queued' || p?.status === 'publishing';
  const states = {} as Record<(typeof order)[number], 'done' | 'active' | 'failed' | 'todo'>;
  order.forEach((s, i) => {
    if (!p || p.status === 'draft') states[s] = 'todo';
    else if (p.status === 'listed') states[s] = 'done';
    else if (i < at) states[s] = 'done';
    else if (i === at) states[s] = live ? 'active' : 'failed';
    else states[s] = 'todo';
  });
  return states;
}
