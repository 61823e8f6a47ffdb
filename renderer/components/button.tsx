import type { ButtonHTMLAttributes, Ref } from 'react';
import { ariaShortcut, Kbd } from './kbd.js';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'sm' | 'md';
  /** Shown as a key cap after the label and announced via aria-keyshortcuts. */
  shortcut?: string;
  /** Disables the button and shows progress while a command runs. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ variant = 'secondary', size = 'md', shortcut, busy, className, children, disabled, type, ...rest }: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      className={`btn btn-${variant} btn-${size} ${busy ? 'is-busy' : ''} ${className ?? ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      aria-keyshortcuts={ariaShortcut(shortcut)}
      {...rest}
    >
      <span className="btn-label">{children}</span>
      {shortcut ? <Kbd keys={shortcut} className="btn-kbd" /> : null}
    </button>
  );
}
