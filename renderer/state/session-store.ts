import { create } from 'zustand';
import { call, onEvents, toApiError, type ApiError, type Output } from '../lib/api.js';
import { setLanguage, type Language } from '../lib/i18n.js';

export type SessionState = Output<'session.state'>;
export type DemoOperator = Output<'session.startDemo'>['operators'][number];

// The demo PINs are only returned once, by session.startDemo. Keeping them on this device lets the
// sign-in screen show them as a hint later; they are demo data, never real credentials.
const DEMO_PINS_KEY = 'packdesk.demoOperators';

function readDemoOperators(): DemoOperator[] {
  try {
    const raw = window.localStorage.getItem(DEMO_PINS_KEY);
    return raw ? (JSON.parse(raw) as DemoOperator[]) : [];
  } catch {
    return [];
  }
}

interface SessionStore {
  session: SessionState | null;
  error: ApiError | null;
  demoOperators: DemoOperator[];
  load: () => Promise<void>;
  setDemoOperators: (ops: DemoOperator[]) => void;
  changeLanguage: (lang: Language) => Promise<void>;
  signOut: () => Promise<void>;
}

export const useSession = create<SessionStore>((set, get) => ({
  session: null,
  error: null,
  demoOperators: readDemoOperators(),
  load: async () => {
    try {
      const session = await call('session.state', {});
      setLanguage(session.locale);
      set({ session, error: null });
    } catch (err) {
      set({ error: toApiError(err) });
    }
  },
  setDemoOperators: (ops) => {
    window.localStorage.setItem(DEMO_PINS_KEY, JSON.stringify(ops));
    set({ demoOperators: ops });
  },
  changeLanguage: async (lang) => {
    // Switch at once so the click feels instant; the core persists it for the next start.
    setLanguage(lang);
    const s = get().session;
    if (s) set({ session: { ...s, locale: lang } });
    await call('session.setLocale', { locale: lang }).catch(() => undefined);
  },
  signOut: async () => {
    await call('session.signOut', {});
    await get().load();
  },
}));

/** Keeps the session fresh when the core reports a sign-in, sign-out or operator change. */
export function watchSession(): () => void {
  return onEvents(['session.changed', 'operators.changed'], () => void useSession.getState().load());
}

export function useOperator() {
  return useSession((s) => s.session?.operator ?? null);
}

export function hasRole(role: 'packer' | 'manager' | 'admin', operatorRole: string | undefined): boolean {
  const rank: Record<string, number> = { packer: 1, manager: 2, admin: 3 };
  return (rank[operatorRole ?? ''] ?? 0) >= rank[role];
}
