import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../../main/api/jobs.js';
import { Button } from '../../components/button.js';
import { call, toApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { href } from '../../lib/router.js';
import { toast } from '../../state/toast-store.js';
import { RowActions } from '../catalog/row-actions.js';

/** Where a job's subject lives: an order's page, or a shipment's (which opens its order). */
export function subjectPath(subject: NonNullable<Job['subject']>): string {
  return subject.type === 'shipment' ? `/shipments/${subject.id}` : subject.type === 'order' ? `/orders/${subject.id}` : '/jobs';
}

/** The order number a job works for, as a link (a shipment's link opens its order). */
export function JobSubject({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  if (!job.subject) return <span className="muted">—</span>;
  const text = job.subject.label ?? `${t(`subject.${job.subject.type}`, { defaultValue: job.subject.type })} #${job.subject.id}`;
  return <a href={href(subjectPath(job.subject))} tabIndex={-1}>{text}</a>;
}

/** Retry a failed or waiting job now; withdraw one that has not started (managers). */
export function JobRowActions({ job, canCancel }: { job: Job; canCancel: boolean }) {
  const { t } = useTranslation('jobs');
  const [busy, setBusy] = useState<'retry' | 'cancel' | null>(null);
  if (job.status !== 'queued' && job.status !== 'failed') return null;
  const subject = job.subject?.label ?? `#${job.id}`;
  const act = async (which: 'retry' | 'cancel') => {
    setBusy(which);
    try {
      await call(which === 'retry' ? 'jobs.retry' : 'jobs.cancel', { id: job.id });
      toast('success', t(`${which}Done`, { subject }));
    } catch (err) {
      toast('error', errorMessage(t, toApiError(err)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <RowActions>
      <Button size="sm" busy={busy === 'retry'} aria-label={t('retryNamed', { subject })} onClick={() => void act('retry')}>{t('retry')}</Button>
      {canCancel ? (
        <Button size="sm" variant="ghost" busy={busy === 'cancel'} aria-label={t('cancelNamed', { subject })} onClick={() => void act('cancel')}>{t('cancel')}</Button>
      ) : null}
    </RowActions>
  );
}
