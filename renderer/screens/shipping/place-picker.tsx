import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CarrierAddressChoice } from '../../../main/api/shipping.js';
import { Button } from '../../components/button.js';
import { RadioGroup } from '../../components/field.js';
import { ErrorBanner } from '../../components/feedback.js';
import { SearchPicker } from '../../components/search-picker.js';
import { useCommand } from '../../lib/api.js';
import { useDebounced } from '../../lib/use-debounced.js';

type Scheme = 'new2' | 'legacy3';
type Level = 'province' | 'district' | 'ward';
interface Place { id: string; name: string }

const LEVELS: Record<Scheme, readonly Level[]> = { new2: ['province', 'ward'], legacy3: ['province', 'district', 'ward'] };

export interface PlacePickerProps {
  accountId: number;
  scheme: Scheme | null;
  /** What the order says, shown beside each level so the operator picks against it. */
  given: Partial<Record<Level, string>>;
  pending?: boolean;
  error?: unknown;
  onConfirm: (address: CarrierAddressChoice) => void;
  onCancel?: () => void;
}

/**
 * Picks the carrier's own units level by level (province → ward, or province → district → ward in
 * the old form), each from a searchable list of that carrier's places under the chosen parent.
 * Nothing is chosen for the operator: the confirm button waits for every level.
 */
export function PlacePicker({ accountId, scheme: initialScheme, given, pending, error, onConfirm, onCancel }: PlacePickerProps) {
  const { t } = useTranslation('shipping');
  const [scheme, setScheme] = useState<Scheme>(initialScheme ?? 'new2');
  const [chosen, setChosen] = useState<Partial<Record<Level, Place>>>({});
  const [picked, setPicked] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const levels = LEVELS[scheme];
  const level = levels.find((l) => !chosen[l]) ?? null;

  useEffect(() => {
    if (picked && level === null) confirmRef.current?.focus();
  }, [picked, level]);

  const choose = (l: Level, p: Place) => {
    setPicked(true);
    setChosen((c) => ({ ...c, [l]: p }));
  };
  // Clearing a level clears the levels under it: a ward belongs to its district and province.
  const clearFrom = (l: Level) => {
    const keep = levels.slice(0, levels.indexOf(l));
    setChosen((c) => Object.fromEntries(keep.filter((k) => c[k]).map((k) => [k, c[k]])));
    setPicked(true);
  };
  const confirm = () => {
    const { province, district, ward } = chosen;
    if (!province || !ward) return;
    if (scheme === 'new2') onConfirm({ current: { province, ward } });
    else if (district) onConfirm({ legacy: { province, district, ward } });
  };

  return (
    <div className="place-picker" role="group" aria-label={t('address.pickTitle')}>
      <RadioGroup
        label={t('address.scheme')}
        value={scheme}
        onChange={(s) => {
          setScheme(s);
          setChosen({});
        }}
        options={[
          { value: 'new2', label: t('address.schemeNew') },
          { value: 'legacy3', label: t('address.schemeLegacy') },
        ]}
      />
      <div className="place-steps">
        {levels.map((l, i) => {
          const parent = i === 0 ? '' : chosen[levels[i - 1]]?.id;
          const value = chosen[l];
          if (value) {
            return (
              <div key={l} className="place-chosen">
                <span className="field-label">{t(`address.level.${l}`)}</span>
                <span className="chip">
                  <span>{value.name}</span>
                  <Button size="sm" variant="ghost" aria-label={t('address.changeLevel', { level: t(`address.level.${l}`) })} onClick={() => clearFrom(l)}>×</Button>
                </span>
              </div>
            );
          }
          if (l !== level || parent === undefined) {
            return (
              <div key={l} className="place-chosen is-waiting">
                <span className="field-label">{t(`address.level.${l}`)}</span>
                <span className="muted">—</span>
              </div>
            );
          }
          return <LevelSearch key={`${scheme}-${l}-${parent}`} accountId={accountId} scheme={scheme} level={l} parentId={parent} given={given[l]} autoFocus={picked} onPick={(p) => choose(l, p)} />;
        })}
      </div>
      <ErrorBanner error={error} />
      <div className="form-actions">
        {onCancel ? <Button size="sm" variant="ghost" onClick={onCancel}>{t('common:actions.cancel')}</Button> : null}
        <Button ref={confirmRef} size="sm" variant="primary" disabled={level !== null} busy={pending} onClick={confirm}>
          {t('address.confirm')}
        </Button>
      </div>
    </div>
  );
}

function LevelSearch({ accountId, scheme, level, parentId, given, autoFocus, onPick }: {
  accountId: number; scheme: Scheme; level: Level; parentId: string; given?: string; autoFocus: boolean; onPick: (p: Place) => void;
}) {
  const { t } = useTranslation('shipping');
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const places = useCommand('shipping.places', { accountId, scheme, level, parentId, query: q });
  // Until the answer is for what is typed now, no list: Enter must never pick a stale first row.
  const pending = places.loading || q !== query.trim();
  const items = pending ? [] : (places.data ?? []);
  return (
    <div className="place-search">
      <SearchPicker
        label={t(`address.level.${level}`)}
        query={query}
        onQueryChange={setQuery}
        items={items}
        itemKey={(p) => p.id}
        itemText={(p) => (p.active ? p.name : t('address.locked', { name: p.name }))}
        renderItem={(p) => (
          <>
            <span>{p.name}</span>
            {p.active ? null : <span className="muted small">{t('address.lockedTag')}</span>}
          </>
        )}
        disabled={(p) => !p.active}
        onPick={onPick}
        loading={pending}
        placeholder={t('address.searchPlaceholder')}
        hint={given ? t('address.onOrder', { name: given }) : undefined}
        autoFocus={autoFocus}
      />
      <ErrorBanner error={places.error} />
    </div>
  );
}
