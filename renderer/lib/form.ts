import { useCallback, useMemo, useState } from 'react';
import { fieldError, type FieldErrors } from './errors.js';

export interface FormErrors {
  /** The message to show under a field now, or undefined. */
  errorFor: (path: string) => string | undefined;
  /** Marks a field as touched (call on change or blur): its client errors become visible. */
  touch: (path: string) => void;
  /** Call on save: shows every client error and returns true when there are none. */
  attempt: () => boolean;
  /** Forget touched fields, e.g. after a successful save. */
  reset: () => void;
  hasErrors: boolean;
  /** A save was attempted: fields that wait for blur (phone numbers) should judge now. */
  attempted: boolean;
}

/**
 * Decides which validation messages to show. Client errors (from the contract's zod schema, run on
 * every change) appear once a field was touched or a save was attempted; server errors (from the
 * last failed command) always show, until the field is edited again.
 */
export function useFormErrors(clientErrors: FieldErrors, serverErrors: FieldErrors = {}): FormErrors {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [editedSinceServer, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [lastServer, setLastServer] = useState(serverErrors);
  if (lastServer !== serverErrors) {
    setLastServer(serverErrors);
    setEdited(new Set());
  }

  const touch = useCallback((path: string) => {
    setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
    setEdited((s) => (s.has(path) ? s : new Set(s).add(path)));
  }, []);

  const hasErrors = Object.keys(clientErrors).length > 0;
  const attempt = useCallback(() => {
    setAttempted(true);
    if (hasErrors) focusFirstInvalid();
    return !hasErrors;
  }, [hasErrors]);
  const reset = useCallback(() => {
    setTouched(new Set());
    setAttempted(false);
  }, []);

  return useMemo(() => {
    const visible = (path: string) => attempted || touched.has(path) || [...touched].some((p) => p.startsWith(`${path}.`));
    return {
      errorFor: (path: string) =>
        (visible(path) ? fieldError(clientErrors, path) : undefined) ?? (editedSinceServer.has(path) ? undefined : fieldError(serverErrors, path)),
      touch,
      attempt,
      reset,
      hasErrors,
      attempted,
    };
  }, [attempted, touched, clientErrors, serverErrors, editedSinceServer, touch, attempt, reset, hasErrors]);
}

/** After a refused save, puts the cursor in the first field that needs fixing (once it shows). */
export function focusFirstInvalid(): void {
  window.requestAnimationFrame(() => {
    const scope = document.querySelector('dialog[open]') ?? document.querySelector('main') ?? document;
    scope.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}
