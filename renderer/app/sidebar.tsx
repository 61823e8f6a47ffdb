import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.js';
import { Kbd } from '../components/kbd.js';
import { useCommand } from '../lib/api.js';
import { formatNumber } from '../lib/format.js';
import { href, navigate } from '../lib/router.js';
import { LANGUAGES, type Language } from '../lib/i18n.js';
import { hasRole, useOperator, useSession } from '../state/session-store.js';
import { NAV_ITEMS, type NavKey } from './routes.js';
import { useShortcut } from './shortcuts.js';

/** One nav link and its shortcut; the shortcut is live while the link is shown. */
function NavLink({ item, active, count }: { item: (typeof NAV_ITEMS)[number]; active: boolean; count?: number }) {
  const { t } = useTranslation();
  // Alt+digit works even while typing; a letter sequence ("G D") only outside fields, or typing a
  // word with those letters would jump away.
  const keys = item.keys.split(' | ');
  useShortcut(keys.filter((k) => !k.includes(' ')).join(' | '), () => navigate(item.path), { allowInInput: true });
  useShortcut(keys.filter((k) => k.includes(' ')).join(' | '), () => navigate(item.path));
  return (
    <li>
      <a href={href(item.path)} className={`nav-link ${active ? 'is-active' : ''}`} aria-current={active ? 'page' : undefined}>
        <span>{t(`nav.${item.key}`)}</span>
        {count ? (
          <>
            <span className="nav-count" aria-hidden="true">{formatNumber(count)}</span>
            <span className="sr-only">{t('nav.openCount', { count })}</span>
          </>
        ) : null}
        <Kbd keys={item.keys} className="nav-kbd" />
      </a>
    </li>
  );
}

/** Open exceptions need a person: their number stays in sight beside the link. */
function useOpenExceptions(): number | undefined {
  return useCommand('exceptions.list', { status: 'open', limit: 1 }).data?.total;
}

/** Alt+L flips between Vietnamese and English wherever the switch is shown. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useSession((s) => s.changeLanguage);
  useShortcut('Alt+L', () => void changeLanguage(i18n.language === 'vi' ? 'en' : 'vi'), { allowInInput: true });
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')} aria-keyshortcuts="Alt+L">
      {LANGUAGES.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className={`lang-btn ${i18n.language === lang ? 'is-active' : ''}`}
          aria-pressed={i18n.language === lang}
          onClick={() => void changeLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}

export function Sidebar({ active }: { active: NavKey | null }) {
  const { t } = useTranslation();
  const operator = useOperator();
  const signOut = useSession((s) => s.signOut);
  const openExceptions = useOpenExceptions();
  const items = NAV_ITEMS.filter((i) => !i.role || hasRole(i.role, operator?.role));
  const link = (item: (typeof items)[number]) => (
    <NavLink key={item.key} item={item} active={item.key === active} count={item.key === 'exceptions' ? openExceptions : undefined} />
  );
  return (
    <aside className="sidebar">
      <div className="brand">Packdesk</div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">{items.filter((i) => !i.group).map(link)}</ul>
        <h2 className="nav-group-title" id="nav-group-shipping">{t('nav.groupShipping')}</h2>
        <ul className="nav-list" aria-labelledby="nav-group-shipping">{items.filter((i) => i.group === 'shipping').map(link)}</ul>
        <h2 className="nav-group-title" id="nav-group-packing">{t('nav.groupPacking')}</h2>
        <ul className="nav-list" aria-labelledby="nav-group-packing">{items.filter((i) => i.group === 'packing').map(link)}</ul>
        {items.some((i) => i.group === 'sales') ? (
          <>
            <h2 className="nav-group-title" id="nav-group-sales">{t('nav.groupSales')}</h2>
            <ul className="nav-list" aria-labelledby="nav-group-sales">{items.filter((i) => i.group === 'sales').map(link)}</ul>
          </>
        ) : null}
      </nav>
      <div className="sidebar-foot">
        <LanguageSwitch />
        {operator ? (
          <div className="sidebar-operator">
            <span className="operator-name">{operator.name}</span>
            <span className="muted">{t(`roles.${operator.role}`)}</span>
          </div>
        ) : null}
        <Button size="sm" variant="ghost" onClick={() => void signOut()}>{t('actions.signOut')}</Button>
      </div>
    </aside>
  );
}
