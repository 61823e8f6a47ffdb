import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Publication } from '../../main/api/listing-publish.js';
import { CHECK_CODES } from '../../main/domain/listings/publish/publish-rules.js';
import { categoryPaths, errorsByField, firstError, searchCategories, stepStates } from '../../renderer/screens/listings/publish/publish-view.js';
import viPublish from '../../renderer/locales/vi/publish.json';
import enPublish from '../../renderer/locales/en/publish.json';

const cats = [
  { id: '1', parentId: null, name: 'Thời Trang Nữ', originalName: "Women's Apparel", hasChildren: true },
  { id: '2', parentId: '1', name: 'Áo thun', originalName: 'T-shirts', hasChildren: false },
  { id: '3', parentId: null, name: 'Nhà Cửa & Đời Sống', originalName: 'Home', hasChildren: true },
  { id: '4', parentId: '3', name: 'Bát đĩa', originalName: 'Dinnerware', hasChildren: false },
];
const t = ((key: string, o?: Record<string, unknown>) => `${key}${o && Object.keys(o).length ? JSON.stringify(o) : ''}`) as unknown as TFunction;
const pub = (p: Partial<Publication>): Publication => ({
  id: 1, status: 'failed', step: 'item', itemId: null, attempt: 1, requestedAt: 0, listedAt: null, errorCode: null, errorMessage: null,
  fieldErrors: [], images: [], models: [], job: null, ...p,
});

describe('publish screen helpers', () => {
  it('searches leaf categories by their path, without diacritics', () => {
    const paths = categoryPaths(cats);
    expect(searchCategories(paths, 'ao thun').map((p) => p.path)).toEqual(['Thời Trang Nữ › Áo thun']);
    expect(searchCategories(paths, 'doi song dia').map((p) => p.id)).toEqual(['4']);
    expect(searchCategories(paths, 'thời trang').map((p) => p.id)).toEqual(['2']);
  });

  it("puts our checks and Shopee's words on their fields; an image error on its image", () => {
    const errors = errorsByField(t, [{ field: 'attribute:100134', code: 'attribute_required', params: { name: 'Chất liệu' } }], pub({
      fieldErrors: [{ field: 'weight', message: 'weight 32 kg is outside the limit', code: 'error_param' }, { field: 'image', message: 'not a JPEG', code: 'PUBLISH_IMAGE_TYPE', url: 'https://x/a.gif' }],
    }));
    expect(firstError(errors, 'attribute:100134')).toBe('publish:check.attribute_required{"name":"Chất liệu","defaultValue":"attribute_required"}');
    expect(firstError(errors, 'weight')).toBe('publish:shopeeSaid{"message":"weight 32 kg is outside the limit"}');
    expect(firstError(errors, 'image:https://x/a.gif')).toContain('not a JPEG');
    expect(firstError(errors, 'image')).toBeUndefined();
    // Once sent again, Shopee's old refusal is not shown.
    expect(firstError(errorsByField(t, [], pub({ status: 'queued', fieldErrors: [{ field: 'weight', message: 'x', code: 'y' }] })), 'weight')).toBeUndefined();
  });

  it('shows the step that failed, the one running, and all done once listed', () => {
    expect(stepStates(pub({ status: 'failed', step: 'item' }))).toEqual({ images: 'done', item: 'failed', tiers: 'todo', done: 'todo' });
    expect(stepStates(pub({ status: 'publishing', step: 'tiers' }))).toEqual({ images: 'done', item: 'done', tiers: 'active', done: 'todo' });
    expect(stepStates(pub({ status: 'listed', step: 'done' }))).toEqual({ images: 'done', item: 'done', tiers: 'done', done: 'done' });
    expect(stepStates(null).images).toBe('todo');
  });

  it('has every check message in both languages', () => {
    expect(Object.keys(enPublish.check).sort()).toEqual(Object.keys(viPublish.check).sort());
    for (const c of CHECK_CODES) expect(viPublish.check, c).toHaveProperty(c);
  });
});
