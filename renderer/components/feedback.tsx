import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.js';
import { formatVnd } from '../lib/format.js';
import { useToasts } from '../state/toast-store.js';

/** A failed command in the user's language. Renders nothing without an error. */
export function ErrorBanner({ error, className }: { error: unknown; className?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className={`banner banner-error ${className ?? ''}`} role="alert">
      {errorMessage(t, error)}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

/** An amount in đồng, tabular and never wrapped. */
export function Money({ value, className, strong }: { value: number; className?: string; strong?: boolean }) {
  return <span className={`money ${strong ? 'money-strong' : ''} ${className ?? ''}`}>{formatVnd(value)}</span>;
}

export function ToastHost() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} onClick={() => dismiss(t.id)}>
          {t.message}
        </div>
      ))}
    </div>
  );
}
