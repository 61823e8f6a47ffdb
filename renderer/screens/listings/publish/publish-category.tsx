import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopeeCategory } from '../../../../main/api/listing-publish.js';
import { Button } from '../../../components/button.js';
import { SearchPicker } from '../../../components/search-picker.js';
import { formatDateTime } from '../../../lib/format.js';
import { categoryPaths, searchCategories, type CategoryPath } from './publish-view.js';

/** Category: a search over Shopee's tree (leaves only), the chosen path, and a refresh of the cached tree. */
export function CategoryField({ categories, fetchedAt, value, path, error, disabled, refreshing, onRefresh, onPick }: {
  categories: readonly ShopeeCategory[] | undefined; fetchedAt: number | undefined; value: string | null; path: string; error?: string; disabled?: boolean;
  refreshing: boolean; onRefresh: () => void; onPick: (c: CategoryPath) => void;
}) {
  const { t } = useTranslation('publish');
  const [query, setQuery] = useState('');
  const paths = useMemo(() => categoryPaths(categories ?? []), [categories]);
  const items = useMemo(() => searchCategories(paths, query), [paths, query]);
  const chosen = value ? paths.find((p) => p.id === value)?.path ?? path : '';
  return (
    <div className="publish-category">
      <SearchPicker<CategoryPath>
        label={t('category.label')}
        query={query}
        onQueryChange={setQuery}
        items={disabled ? [] : items}
        itemKey={(c) => c.id}
        itemText={(c) => c.path}
        renderItem={(c) => <span>{c.path}</span>}
        onPick={(c) => { onPick(c); setQuery(''); }}
        loading={!categories}
        placeholder={t('category.placeholder')}
        error={error}
        hint={chosen ? <span>{t('category.chosen')}: <strong>{chosen}</strong> <span className="muted mono">#{value}</span></span> : t('category.hint')}
      />
      <div className="publish-inline-note">
        <span className="muted">{fetchedAt ? t('category.fetchedAt', { at: formatDateTime(fetchedAt), count: paths.length }) : ''}</span>
        <Button size="sm" variant="ghost" busy={refreshing} onClick={onRefresh}>{t('category.refresh')}</Button>
      </div>
    </div>
  );
}
