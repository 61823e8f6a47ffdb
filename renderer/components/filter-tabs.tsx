import { formatNumber } from '../lib/format.js';

export interface FilterTab<T extends string> {
  value: T;
  label: string;
  /** undefined while unknown (shown as a dot), so the row does not jump when counts arrive; null for a tab that is not counted. */
  count?: number | null;
}

/**
 * A filter as a row of toggle buttons with counts, the look of the order list's status tabs, for
 * any list whose filter is one value out of a few (shipment groups, job states, open/resolved).
 */
export function FilterTabs<T extends string>({ label, value, onChange, tabs }: { label: string; value: T; onChange: (v: T) => void; tabs: readonly FilterTab<T>[] }) {
  return (
    <div className="status-tabs" role="group" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          className={`status-tab ${value === tab.value ? 'is-active' : ''}`}
          aria-pressed={value === tab.value}
          onClick={() => onChange(tab.value)}
        >
          <span>{tab.label}</span>
          {tab.count === null ? null : <span className="status-count">{tab.count === undefined ? '·' : formatNumber(tab.count)}</span>}
        </button>
      ))}
    </div>
  );
}
