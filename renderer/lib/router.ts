import { createContext, useContext, useSyncExternalStore } from 'react';

// Hash routing: the bundle is served from app:// in Electron and from the web host, and a hash
// route works in both without server rewrites. Paths look like "/orders/42"; `?a=b` after the path
// is allowed and kept out of the path.

function currentHash(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw === '' ? '/' : raw;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

function parse(hash: string): Location {
  const q = hash.indexOf('?');
  return q < 0 ? { path: hash, query: new URLSearchParams() } : { path: hash.slice(0, q), query: new URLSearchParams(hash.slice(q + 1)) };
}

/** The current route; re-renders on navigation. */
export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, currentHash, currentHash);
  return parse(hash);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const target = `#${to}`;
  if (opts.replace) window.location.replace(target);
  else window.location.hash = to;
}

/** Goes back when there is somewhere in the app to go back to, otherwise to `fallback`. */
export function goBack(fallback: string): void {
  if (window.history.length > 1) window.history.back();
  else navigate(fallback);
}

/** Matches "/orders/:id" against "/orders/42" → { id: "42" }; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const ps = pattern.split('/').filter(Boolean);
  const xs = path.split('/').filter(Boolean);
  if (ps.length !== xs.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < ps.length; i++) {
    if (ps[i].startsWith(':')) params[ps[i].slice(1)] = decodeURIComponent(xs[i]);
    else if (ps[i] !== xs[i]) return null;
  }
  return params;
}

export function href(to: string): string {
  return `#${to}`;
}

/** Filled by the app's route outlet with the matched ":name" segments. */
export const RouteParamsContext = createContext<Record<string, string>>({});

/** The current route's params, e.g. `useParams().id` on "/products/:id" ("new" or a number). */
export function useParams(): Record<string, string> {
  return useContext(RouteParamsContext);
}
