import './station.css';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { useCommand } from '../../lib/api.js';
import { navigate, useLocation } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { STATION_TABS } from './station-tabs.js';

/** The packing desk's settings: one tab per area (general, scanner, and the device tabs others add). */
export function StationScreen() {
  const { t } = useTranslation('station');
  const { query } = useLocation();
  const canEdit = hasRole('manager', useOperator()?.role);
  const station = useCommand('stations.current', {});
  const active = STATION_TABS.find((tab) => tab.key === query.get('tab')) ?? STATION_TABS[0];
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // WAI-ARIA tabs: ←/→ (and Home/End) move between tabs and select them.
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = STATION_TABS.length - 1;
    const next = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    navigate(`/station?tab=${STATION_TABS[next].key}`, { replace: true });
    tabRefs.current[next]?.focus();
  };

  const Tab = active.component;
  return (
    <div className="screen">
      <PageHeader title={t('title')} subtitle={station.data ? t('subtitle', { name: station.data.name }) : undefined} />
      <div className="station-tabs" role="tablist" aria-label={t('tabsLabel')}>
        {STATION_TABS.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`station-tab-${tab.key}`}
            aria-selected={tab === active}
            aria-controls="station-tabpanel"
            tabIndex={tab === active ? 0 : -1}
            className={`station-tab ${tab === active ? 'is-active' : ''}`}
            onClick={() => navigate(`/station?tab=${tab.key}`, { replace: true })}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div id="station-tabpanel" role="tabpanel" aria-labelledby={`station-tab-${active.key}`} className="station-panel">
        <ErrorBanner error={station.error} />
        {station.data ? <Tab station={station.data} canEdit={canEdit} /> : station.loading ? <Loading /> : null}
        {!canEdit ? <p className="muted">{t('readOnly')}</p> : null}
      </div>
    </div>
  );
}
