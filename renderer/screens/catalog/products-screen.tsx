import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/layout.js';
import { EmptyState } from '../../components/feedback.js';

// Placeholder so the app builds; engineer C replaces this screen.
export function ProductsScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <PageHeader title={t('nav.products')} />
      <EmptyState title={t('nav.products')} />
    </div>
  );
}
