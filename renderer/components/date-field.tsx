import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDayToVn, parseVnDate, toVnDateInput } from '../lib/format.js';
import { TextField, type FieldProps } from './field.js';

/**
 * A day typed as dd/mm/yyyy in every language and on every machine (a native date input follows
 * the OS locale, which on a shop PC is often en-US). `value` is "YYYY-MM-DD" or "".
 */
export function DateField({ label, value, onChange, className, hint }: FieldProps & { value: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(isoDayToVn(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // Follow outside changes (e.g. "clear filters") without fighting the user's typing.
    if (parseVnDate(text, thisYear()) !== value && !(value === '' && text === '')) setText(isoDayToVn(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const commit = (raw: string) => {
    if (raw.trim() === '') {
      setBad(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = parseVnDate(raw, thisYear());
    setBad(iso === null);
    if (iso !== null) {
      setText(isoDayToVn(iso));
      if (iso !== value) onChange(iso);
    }
  };

  return (
    <TextField
      label={label}
      className={className}
      hint={hint}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      autoComplete="off"
      onChange={(v) => {
        setText(v);
        setBad(false);
      }}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text);
      }}
      error={bad ? t('dateFormat') : undefined}
    />
  );
}

function thisYear(): number {
  return Number(toVnDateInput(Date.now()).slice(0, 4));
}
