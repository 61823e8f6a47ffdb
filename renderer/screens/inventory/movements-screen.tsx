import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/layout.js';
import { EmptyState } from '../../components/feedback.js';

// Placeholder so the app builds; engineer C replaces this screen.
export function MovementsScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen">
      <PageHeader title={t('nav.movements')} />
      <EmptyState title={t('nav.movements')} />
    </div>
  );
}
