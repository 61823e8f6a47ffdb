import { useTranslation } from 'react-i18next';
import type { Publication } from '../../../../main/api/listing-publish.js';
import { Button } from '../../../components/button.js';
import { formatDateTime } from '../../../lib/format.js';
import { navigate } from '../../../lib/router.js';
import { stepStates } from './publish-view.js';

const STEPS = ['images', 'item', 'tiers', 'done'] as const;

/** Where the listing stands: the four steps of the job, the Shopee item once created, what failed. */
export function PublishProgress({ publication, accountId }: { publication: Publication | null; accountId: number }) {
  const { t } = useTranslation('publish');
  if (!publication || publication.status === 'draft') return null;
  const states = stepStates(publication);
  const general = publication.status === 'failed' ? publication.fieldErrors.filter((e) => e.field === 'general') : [];
  const tone = publication.status === 'listed' ? 'banner-info' : publication.status === 'failed' ? 'banner-error' : 'banner-info';
  return (
    <section className={`banner ${tone} publish-progress`} aria-live="polite" aria-label={t('progress.label')}>
      <div className="publish-progress-head">
        <strong>{t(`status.${publication.status}`)}</strong>
        {publication.itemId ? <span>{t('progress.item')}: <span className="mono">{publication.itemId}</span></span> : null}
        {publication.listedAt ? <span className="muted">{formatDateTime(publication.listedAt)}</span> : null}
        {publication.status === 'listed' ? <Button size="sm" onClick={() => navigate(`/listings?account=${accountId}`)}>{t('progress.openListings')}</Button> : null}
      </div>
      <ol className="publish-steps">
        {STEPS.map((s) => <li key={s} className={`publish-step is-${states[s]}`}>{t(`progress.step.${s}`)}<span className="sr-only"> ({t(`progress.state.${states[s]}`)})</span></li>)}
      </ol>
      {publication.status === 'failed' ? <p>{publication.itemId ? t('progress.failedAfterItem') : t('progress.failed')}</p> : null}
      {general.map((e) => <p key={e.code + e.message} role="alert">{e.message}</p>)}
      {publication.job && publication.job.status === 'queued' && publication.job.lastError ? <p className="muted">{t('progress.retrying', { error: publication.job.lastError })}</p> : null}
    </section>
  );
}
