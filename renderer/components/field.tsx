import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { formatNumber } from '../lib/format.js';

interface ControlIds {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

export interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** Hides the label visually (it still names the control). */
  hideLabel?: boolean;
}

/** Label + control + hint + error, wired for screen readers. The control gets its ids via render. */
export function Field({ label, error, hint, required, className, hideLabel, children }: FieldProps & { children: (ids: ControlIds) => ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
        {required ? <span className="field-required" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {hint && !error ? <div id={`${id}-hint`} className="field-hint">{hint}</div> : null}
      {error ? <div id={`${id}-err`} className="field-error" role="alert">{error}</div> : null}
    </div>
  );
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

export function TextField({ label, error, hint, required, className, hideLabel, value, onChange, ref, ...rest }: FieldProps & InputRest & { value: string; onChange: (v: string) => void; ref?: Ref<HTMLInputElement> }) {
  return (
    <Field {...{ label, error, hint, required, className, hideLabel }}>
      {(ids) => <input ref={ref} className="input" value={value} onChange={(e) => onChange(e.target.value)} {...ids} {...rest} />}
    </Field>
  );
}

/** Whole numbers; empty input is `null` so "not typed yet" differs from 0. */
export function NumberField({ label, error, hint, required, className, hideLabel, value, onChange, ...rest }: FieldProps & InputRest & { value: number | null; onChange: (v: number | null) => void }) {
  return (
    <Field {...{ label, error, hint, required, className, hideLabel }}>
      {(ids) => (
        <input
          type="number"
          inputMode="numeric"
          step={1}
          className="input num"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : Math.trunc(Number(e.target.value)))}
          {...ids}
          {...rest}
        />
      )}
    </Field>
  );
}

/** Đồng, typed as digits and shown grouped ("1.250.000") with the ₫ sign beside the box. */
export function MoneyField({ label, error, hint, required, className, hideLabel, value, onChange, ...rest }: FieldProps & InputRest & { value: number | null; onChange: (v: number | null) => void }) {
  return (
    <Field {...{ label, error, hint, required, className, hideLabel }}>
      {(ids) => (
        <div className="input-affix">
          <input
            type="text"
            inputMode="numeric"
            className="input num"
            value={value === null ? '' : formatNumber(value)}
            onChange={(e) => {
              const digits = e.target.value.replace(/\D/g, '');
              onChange(digits === '' ? null : Number(digits.slice(0, 12)));
            }}
            {...ids}
            {...rest}
          />
          <span className="input-suffix" aria-hidden="true">₫</span>
        </div>
      )}
    </Field>
  );
}

export interface Option<T extends string> { value: T; label: string }

export function SelectField<T extends string>({ label, error, hint, required, className, hideLabel, value, onChange, options, ...rest }: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id'> & { value: T; onChange: (v: T) => void; options: readonly Option<T>[] }) {
  return (
    <Field {...{ label, error, hint, required, className, hideLabel }}>
      {(ids) => (
        <select className="input select" value={value} onChange={(e) => onChange(e.target.value as T)} {...ids} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField({ label, error, hint, required, className, hideLabel, value, onChange, ...rest }: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'> & { value: string; onChange: (v: string) => void }) {
  return (
    <Field {...{ label, error, hint, required, className, hideLabel }}>
      {(ids) => <textarea className="input textarea" value={value} onChange={(e) => onChange(e.target.value)} rows={2} {...ids} {...rest} />}
    </Field>
  );
}

export function CheckboxField({ label, checked, onChange, hint, className, disabled }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string; className?: string; disabled?: boolean }) {
  return (
    <label className={`checkbox ${className ?? ''}`}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
      {hint ? <span className="field-hint">{hint}</span> : null}
    </label>
  );
}

/** A small set of exclusive choices as radio buttons (arrow keys move between them natively). */
export function RadioGroup<T extends string>({ label, value, onChange, options, className }: { label: string; value: T; onChange: (v: T) => void; options: readonly Option<T>[]; className?: string }) {
  const name = useId();
  return (
    <fieldset className={`radio-group ${className ?? ''}`}>
      <legend className="field-label">{label}</legend>
      <div className="radio-options">
        {options.map((o) => (
          <label key={o.value} className={`radio ${value === o.value ? 'is-checked' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
