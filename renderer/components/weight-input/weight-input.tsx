import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../app/shortcuts.js';
import { Button } from '../button.js';
import { Field } from '../field.js';
import { useScale } from './use-scale.js';
import { formatGrams, parseTypedWeight, scaleView } from './weight-view.js';
import './weight-input.css';

export interface WeightInputProps {
  /** Grams; null = not weighed yet. */
  value: number | null;
  onChange: (grams: number | null) => void;
  label?: string;
  error?: string;
  required?: boolean;
  /** The key that takes the scale's settled weight. */
  takeKey?: string;
  /** Off where a screen shows the field without a scale (e.g. editing a past order). */
  useScaleReading?: boolean;
}

/**
 * A weight in grams that can always be typed, with the station scale's live reading beside it and a
 * key to take the settled weight. Nothing depends on the scale: unplugged, unset or faulty, the field
 * stays a plain input.
 */
export function WeightInput({ value, onChange, label, error, required, takeKey = 'F2', useScaleReading = true }: WeightInputProps) {
  const { t, i18n } = useTranslation('scales');
  const state = useScale(useScaleReading);
  const view = scaleView(state);
  const [text, setText] = useState(value === null ? '' : String(value));
  const [typedError, setTypedError] = useState(false);
  const statusId = useId();

  // What the box itself last reported: half-typed text ("1," on the way to "1,2kg") reports null, and
  // that echo must not clear the box under the packer's fingers.
  const sent = useRef<number | null | undefined>(undefined);

  // A weight set from outside (taken from the scale, a reset for the next order) shows in the box.
  useEffect(() => {
    if (sent.current !== undefined && value === sent.current) return;
    if (value === null ? text !== '' : parseTypedWeight(text) !== value) setText(value === null ? '' : String(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const typed = (next: string) => {
    setText(next);
    const grams = parseTypedWeight(next);
    setTypedError(next.trim() !== '' && grams === null);
    sent.current = grams;
    onChange(grams);
  };
  const take = () => {
    if (view.takeGrams === null) return;
    setTypedError(false);
    sent.current = undefined;
    onChange(view.takeGrams);
  };
  useShortcut(takeKey, (e) => {
    if (view.takeGrams === null) return;
    e.preventDefault();
    take();
  }, { allowInInput: true });

  return (
    <div className="weight-input">
      <Field label={label ?? t('weight')} error={typedError ? t('typedInvalid') : error} hint={t('typeHint')} required={required}>
        {(ids) => (
          <div className="weight-input-box">
            <input
              className="input num"
              inputMode="decimal"
              autoComplete="off"
              value={text}
              onChange={(e) => typed(e.target.value)}
              {...ids}
              aria-describedby={[ids['aria-describedby'], statusId].filter(Boolean).join(' ')}
            />
            <span className="weight-input-unit" aria-hidden="true">g</span>
          </div>
        )}
      </Field>
      {state && state.connection !== 'none' ? (
        <div className={`weight-input-scale tone-${view.tone}`}>
          <output id={statusId} className="weight-input-live" aria-live="polite" aria-label={t('liveLabel')}>
            <span className="weight-input-dot" aria-hidden="true" />
            {view.liveGrams !== null ? <strong>{formatGrams(view.liveGrams, i18n.language)}</strong> : null}
            <span>{t(view.messageKey)}</span>
          </output>
          <Button size="sm" shortcut={takeKey} disabled={view.takeGrams === null} onClick={take} aria-label={t('takeLabel')}>
            {t('take')}
          </Button>
        </div>
      ) : (
        <div id={statusId} className="weight-input-scale tone-none">{t('reasons.not_configured')}</div>
      )}
    </div>
  );
}
