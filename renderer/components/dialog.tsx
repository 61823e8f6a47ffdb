import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.js';
import { TextAreaField } from './field.js';
import { ErrorBanner } from './feedback.js';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Buttons; rendered right-aligned. */
  footer?: ReactNode;
  /** When given, the body is a form and Enter / Ctrl+Enter submit it. */
  onSubmit?: () => void;
  size?: 'sm' | 'md' | 'lg';
}

/**
 * A modal on the native <dialog>: the browser traps focus, restores it on close, and turns Esc
 * into a "cancel" event that we route to onClose.
 */
export function Dialog({ open, onClose, title, children, footer, onSubmit, size = 'sm' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // React focuses autoFocus fields before the dialog is shown (a no-op on a closed dialog); the
      // browser would then pick the first focusable element. data-autofocus names the right one.
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  if (!open) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  const body = (
    <>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-footer">{footer}</footer> : null}
    </>
  );
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (onSubmit && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onSubmit();
        }
      }}
    >
      {onSubmit ? <form onSubmit={submit}>{body}</form> : body}
    </dialog>
  );
}

export interface ReasonDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  reasonRequired?: boolean;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: (reason: string) => void;
  /** Extra fields between the description and the reason (e.g. a tracking number). */
  children?: ReactNode;
}

/** Asks for a reason before an action that the order history must explain (cancel, transitions). */
export function ReasonDialog({ open, onClose, title, description, reasonLabel, confirmLabel, reasonRequired = true, danger, pending, error, onConfirm, children }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setTried(false);
    }
  }, [open]);
  const missing = reasonRequired && reason.trim() === '';
  const submit = () => {
    setTried(true);
    if (!missing && !pending) onConfirm(reason.trim());
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      onSubmit={submit}
      footer={
        <>
          <Button onClick={onClose}>{t('actions.back')}</Button>
          <Button type="submit" variant={danger ? 'danger' : 'primary'} busy={pending} shortcut="Ctrl+Enter">{confirmLabel}</Button>
        </>
      }
    >
      {description ? <div className="dialog-text">{description}</div> : null}
      {children}
      <TextAreaField
        label={reasonLabel}
        required={reasonRequired}
        value={reason}
        onChange={setReason}
        data-autofocus
        error={tried && missing ? t('errors:validation.required') : undefined}
        onKeyDown={(e) => {
          // Enter alone confirms a one-line reason; Shift+Enter still adds a line.
          if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <ErrorBanner error={error} />
    </Dialog>
  );
}
