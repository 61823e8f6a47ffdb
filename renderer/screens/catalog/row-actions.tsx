import type { ReactNode } from 'react';

/**
 * Buttons inside a DataTable row. The row treats Enter as "open", and its handler would take the
 * key before the button's own activation; Enter and Space on these buttons stay theirs. Other keys
 * still bubble, so row navigation and the global shortcuts keep working.
 */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <span
      className="row-actions"
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
      }}
    >
      {children}
    </span>
  );
}
