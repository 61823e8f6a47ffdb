import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.js';
import { Kbd } from '../components/kbd.js';
import { href, navigate } from '../lib/router.js';
import { LANGUAGES, type Language } from '../lib/i18n.js';
import { hasRole, useOperator, useSession } from '../state/session-store.js';
import { NAV_ITEMS, type NavKey } from './routes.js';
import { useShortcut } from './shortcuts.js';

/** One nav link and its shortcut; the shortcut is live while the link is shown. */
function NavLink({ item, active }: { item: (typeof NAV_ITEMS)[number]; active: boolean }) {
  const { t } = useTranslation();
  // Alt+digit works even while typing; the letter sequence only outside fields.
  const [primary, ...others] = item.keys.split(' | ');
  useShortcut(primary, () => navigate(item.path), { allowInInput: true });
  useShortcut(others.join(' | '), () => navigate(item.path));
  return (
    <li>
      <a href={href(item.path)} className={`nav-link ${active ? 'is-active' : ''}`} aria-current={active ? 'page' : undefined}>
        <span>{t(`nav.${item.key}`)}</span>
        <Kbd keys={item.keys} className="nav-kbd" />
      </a>
    </li>
  );
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
  const items = NAV_ITEMS.filter((i) => !i.role || hasRole(i.role, operator?.role));
  return (
    <aside className="sidebar">
      <div className="brand">Packdesk</div>
      <nav aria-label={t('nav.label')}>
        <ul className="nav-list">
          {items.map((item) => (
            <NavLink key={item.key} item={item} active={item.key === active} />
          ))}
        </ul>
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
