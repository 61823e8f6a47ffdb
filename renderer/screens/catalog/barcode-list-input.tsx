import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkBarcode, type BarcodeVerdict } from './barcode-check.js';

export interface BarcodeListInputProps {
  /** Names the input and the list, e.g. "Barcodes (variant 2)". */
  label: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * Several barcodes in one cell: type or scan a code and press Enter (a scanner sends it), Tab or a
 * comma to add it; Backspace in the empty box takes the last one back for editing. The code being
 * typed is checked as you type (EAN-13 / UPC check digit); saved codes show their kind or fault.
 */
export function BarcodeListInput({ label, value, onChange, error, disabled }: BarcodeListInputProps) {
  const { t } = useTranslation('catalog');
  const id = useId();
  const [text, setText] = useState('');
  const typing = checkBarcode(text);

  const commit = () => {
    const code = text.trim();
    if (code === '') return false;
    setText('');
    if (!value.some((v) => v.toUpperCase() === code.toUpperCase())) onChange([...value, code]);
    return true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if ((e.key === 'Enter' && !e.ctrlKey && !e.metaKey) || e.key === ',') {
      // Enter adds the code instead of submitting the form; an empty box lets Enter through.
      if (commit() || e.key === ',') e.preventDefault();
    } else if (e.key === 'Tab' && !e.shiftKey && text.trim() !== '') {
      commit();
    } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
      e.preventDefault();
      setText(value[value.length - 1]);
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className={`barcodes ${error ? 'has-error' : ''}`}>
      {value.length > 0 ? (
        <ul className="barcode-chips" aria-label={label}>
          {value.map((code) => {
            const verdict = checkBarcode(code);
            return (
              <li key={code} className={`barcode-chip ${verdict.status === 'ok' ? '' : 'is-bad'}`} title={verdictText(t, verdict)}>
                <span className="mono">{code}</span>
                <button type="button" className="chip-x" disabled={disabled} aria-label={t('barcode.remove', { code })} onClick={() => onChange(value.filter((v) => v !== code))}>×</button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <input
        id={id}
        className="input barcode-input"
        aria-label={label}
        aria-invalid={error || (text !== '' && typing.status !== 'ok' && typing.status !== 'empty') ? true : undefined}
        aria-describedby={`${id}-state`}
        placeholder={value.length === 0 ? t('barcode.placeholder') : t('barcode.more')}
        value={text}
        disabled={disabled}
        maxLength={64}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => commit()}
      />
      <div id={`${id}-state`} className={`barcode-state ${typing.status === 'ok' || typing.status === 'empty' ? '' : 'is-bad'}`} aria-live="polite">
        {text !== '' ? verdictText(t, typing) : error ?? ''}
      </div>
    </div>
  );
}

function verdictText(t: (key: string, opts?: Record<string, unknown>) => string, v: BarcodeVerdict): string {
  switch (v.status) {
    case 'ok':
      return t(`barcode.kind.${v.kind}`);
    case 'check_digit':
      return t('barcode.checkDigit', { kind: t(`barcode.kind.${v.kind}`), expected: v.expected });
    case 'characters':
      return t('barcode.characters');
    case 'too_long':
      return t('barcode.tooLong');
    default:
      return '';
  }
}
