import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkVnMobile } from '../lib/phone.js';
import { TextField, type FieldProps } from './field.js';

/**
 * A Vietnamese mobile number, checked as it is typed: a wrong digit shows at once, a number that is
 * merely unfinished only once the field is left (or at once with `strict`, after a save attempt).
 * `error` (e.g. from the core) shows otherwise.
 */
export function PhoneField({ label, value, onChange, error, required, className, hint, strict }: FieldProps & { value: string; onChange: (v: string) => void; strict?: boolean }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  const check = checkVnMobile(value);
  const own = check === 'invalid' ? t('phone.invalid') : check === 'incomplete' && (left || strict) ? t('phone.incomplete') : undefined;
  return (
    <TextField
      label={label}
      value={value}
      onChange={(v) => {
        setLeft(false);
        onChange(v);
      }}
      onBlur={() => setLeft(true)}
      error={own ?? error}
      required={required}
      className={className}
      hint={hint}
      type="tel"
      inputMode="tel"
      autoComplete="off"
    />
  );
}

/** The same rule for a save button: true when the number must be fixed before saving. */
export function phoneBlocksSave(value: string): boolean {
  const c = checkVnMobile(value);
  return c === 'invalid' || c === 'incomplete';
}
