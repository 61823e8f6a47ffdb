import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/layout.js';
import { EmptyState } from '../../components/feedback.js';
import { useParams } from '../../lib/router.js';

// Placeholder so the app builds; engineer C replaces this screen. Route param `id` is a number or "new".
export function ProductEditScreen() {
  const { t } = useTranslation();
  const { id } = useParams();
  return (
    <div className="screen">
      <PageHeader title={`${t('nav.products')} · ${id}`} />
      <EmptyState title={t('nav.products')} />
    </div>
  );
}
