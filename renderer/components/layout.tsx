import type { ReactNode } from 'react';

/** The top of every screen: title, optional subtitle, and the screen's main actions. */
export function PageHeader({ title, subtitle, actions, children }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-title-row">
        <h1 className="page-title">{title}</h1>
        {subtitle ? <div className="page-subtitle">{subtitle}</div> : null}
        <div className="page-actions">{actions}</div>
      </div>
      {children}
    </header>
  );
}

/** A bordered panel with a small heading; the building block of detail screens. */
export function Section({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`section ${className ?? ''}`} aria-label={title}>
      <header className="section-header">
        <h2>{title}</h2>
        {actions ? <div className="section-actions">{actions}</div> : null}
      </header>
      <div className="section-body">{children}</div>
    </section>
  );
}

/** Label/value pairs in two columns. Values that are empty strings show a dash. */
export function KeyValues({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="kv">
      {items.map((it) => (
        <div key={it.label} className="kv-row">
          <dt>{it.label}</dt>
          <dd>{it.value === '' || it.value === null || it.value === undefined ? '—' : it.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A row of filters or buttons above a list. */
export function Toolbar({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="toolbar" role="group" aria-label={label}>
      {children}
    </div>
  );
}
