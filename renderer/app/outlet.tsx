import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/feedback.js';
import { matchPath, navigate, RouteParamsContext, useLocation } from '../lib/router.js';
import { hasRole, useOperator } from '../state/session-store.js';
import { ROUTES, type RouteDef } from './routes.js';

export function findRoute(path: string): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}

/** Renders the screen for the current hash; "/" and unknown paths go to the orders list. */
export function Outlet() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const operator = useOperator();
  const found = findRoute(path);
  useEffect(() => {
    if (!found) navigate('/orders', { replace: true });
  }, [found]);
  if (!found) return null;
  if (found.route.role && !hasRole(found.route.role, operator?.role)) {
    return <EmptyState title={t('errors:codes.FORBIDDEN')} />;
  }
  return (
    // The key remounts a screen when its params change, so "/orders/1" → "/orders/2" starts fresh.
    <RouteParamsContext.Provider value={found.params} key={path}>
      {found.route.render()}
    </RouteParamsContext.Provider>
  );
}
