import { useEffect, useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SearchPickerProps<T> {
  label: string;
  query: string;
  onQueryChange: (q: string) => void;
  items: readonly T[];
  itemKey: (item: T) => string | number;
  /** One option's content; keep it to one line. */
  renderItem: (item: T) => ReactNode;
  /** Plain text of an option for its accessible name. */
  itemText: (item: T) => string;
  onPick: (item: T) => void;
  loading?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
  disabled?: (item: T) => boolean;
  /** The input keeps the query after a pick when true (e.g. to add several lines in a row). */
  keepQuery?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  className?: string;
}

/**
 * A search box with a list of results under it (ARIA combobox): type, ↑/↓ to move, Enter to pick,
 * Esc to close the list. The caller fetches `items` for `query`.
 */
export function SearchPicker<T>({ label, query, onQueryChange, items, itemKey, renderItem, itemText, onPick, loading, placeholder, hint, error, disabled, keepQuery, inputRef, autoFocus, className }: SearchPickerProps<T>) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const pick = (item: T) => {
    if (disabled?.(item)) return;
    onPick(item);
    if (!keepQuery) onQueryChange('');
    setOpen(false);
  };
  const showList = open && (items.length > 0 || (query.trim() !== '' && !loading));

  return (
    <div className={`field picker ${error ? 'has-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">{label}</label>
      <input
        ref={inputRef}
        autoFocus={autoFocus}
        id={id}
        className="input"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && items[active] ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          onQueryChange(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(items.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && showList && items[active]) {
            e.preventDefault();
            pick(items[active]);
          } else if (e.key === 'Escape' && showList) {
            // Close the list only; a second Esc reaches the dialog or screen.
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
      />
      {showList ? (
        <ul ref={list} id={`${id}-list`} role="listbox" aria-label={label} className="picker-list">
          {items.length === 0 ? <li className="picker-empty">{t('noResults')}</li> : null}
          {items.map((item, i) => (
            <li
              key={itemKey(item)}
              id={`${id}-opt-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              aria-disabled={disabled?.(item) || undefined}
              aria-label={itemText(item)}
              className={`picker-option ${i === active ? 'is-active' : ''}`}
              // mousedown, not click: the input's blur would close the list before a click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(item);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {renderItem(item)}
            </li>
          ))}
        </ul>
      ) : null}
      {hint && !error ? <div className="field-hint">{hint}</div> : null}
      {error ? <div className="field-error" role="alert">{error}</div> : null}
    </div>
  );
}
