import './printing.css';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useCommand } from '../../lib/api.js';
import { formatTime } from '../../lib/format.js';

/** "Máy in ảo": what the demo shop's loopback printers received, decoded back into images, newest first. */
export function VirtualPrinterScreen() {
  const { t } = useTranslation('printing');
  // printing.changed arrives when a job is printed, which is when a new label reaches the printer.
  const recent = useCommand('printers.virtualRecent', { limit: 24 });
  const labels = recent.data ?? [];
  return (
    <div className="screen">
      <PageHeader title={t('virtual.title')} subtitle={t('virtual.subtitle')} />
      <ErrorBanner error={recent.error} />
      {recent.loading && !recent.data ? <Loading /> : null}
      {recent.data && labels.length === 0 ? <EmptyState title={t('virtual.empty')} /> : null}
      <ul className="virtual-labels" aria-label={t('virtual.listLabel')}>
        {labels.map((l) => {
          const printer = t(`virtual.printer.${l.printer}`);
          return (
            <li key={`${l.printer}-${l.id}`}>
              <img src={`data:image/png;base64,${l.pngBase64}`} alt={t('virtual.itemAlt', { id: l.id, printer, time: formatTime(l.at) })} width={l.widthDots} height={l.heightDots} />
              <span className="meta"><Tag>{printer}</Tag> {l.language.toUpperCase()} · {formatTime(l.at)} · {l.widthDots}×{l.heightDots}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
