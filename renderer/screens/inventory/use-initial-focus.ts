import { useEffect, useRef } from 'react';

/**
 * The kit's Dialog opens with showModal(), which moves focus to the first control and so overrides
 * React's autoFocus on a later one. Put the returned ref on a wrapper and `data-autofocus` on the
 * control that should start focused; this effect runs after the dialog opened (parents' effects
 * run after their children's).
 */
export function useInitialFocus<T extends HTMLElement = HTMLDivElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, []);
  return ref;
}
