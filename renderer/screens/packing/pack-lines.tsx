import { useTranslation } from 'react-i18next';
import { formatAttributes } from '../../lib/format.js';
import type { Session } from './use-pack-station.js';

/** The order's lines, large enough to read at arm's length, each with its scanned count. */
export function PackLines({ session, lastLineId }: { session: Session; lastLineId: number | null }) {
  const { t } = useTranslation('packing');
  return (
    <ol className="pack-lines" aria-label={t('linesLabel')}>
      {session.lines.map((l) => {
        const done = l.verifiedQty >= l.quantity;
        const pct = Math.min(100, Math.round((l.verifiedQty / l.quantity) * 100));
        return (
          <li key={l.id} className={`pack-line ${done ? 'is-done' : ''} ${l.id === lastLineId ? 'is-last' : ''}`}
            aria-label={t('lineLabel', { sku: l.sku, name: l.name, verified: l.verifiedQty, quantity: l.quantity })}>
            {l.imageUrl ? <img className="pack-line-img" src={l.imageUrl} alt="" /> : <div className="pack-line-img pack-line-noimg" aria-hidden="true">{l.name.slice(0, 1)}</div>}
            <div className="pack-line-text">
              <div className="pack-line-sku mono">{l.sku}{l.binCode ? <span className="pack-line-bin"> · {t('bin', { code: l.binCode })}</span> : null}</div>
              <div className="pack-line-name">{l.name}</div>
              {l.attributes.length ? <div className="pack-line-attrs">{formatAttributes(l.attributes)}</div> : null}
            </div>
            <div className="pack-line-count" data-testid={`count-${l.sku}`}>
              <span className="num pack-line-verified">{l.verifiedQty}</span>
              <span className="pack-line-of">/{l.quantity}</span>
              <div className="pack-line-bar" aria-hidden="true"><div style={{ width: `${pct}%` }} /></div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
