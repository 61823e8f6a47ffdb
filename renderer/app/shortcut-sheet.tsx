import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.js';
import { Dialog } from '../components/dialog.js';
import { Kbd } from '../components/kbd.js';
import { NAV_ITEMS } from './routes.js';

interface Row { keys: string; label: string }

function Group({ title, rows }: { title: string; rows: readonly Row[] }) {
  const { t } = useTranslation();
  return (
    <section className="shortcut-group">
      <h3>{title}</h3>
      <table className="shortcut-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td className="shortcut-keys">
                {r.keys.split(' | ').map((k, i) => (
                  <span key={k}>
                    {i > 0 ? <span className="muted"> / </span> : null}
                    <Kbd keys={k} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sr-only">{t('shortcuts.then')}</p>
    </section>
  );
}

/** The "?" sheet: every shortcut the app knows, grouped. */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const global: Row[] = [
    { keys: '/ | Ctrl+K', label: t('shortcuts.search') },
    { keys: 'N | Alt+N', label: t('shortcuts.newOrder') },
    { keys: '?', label: t('shortcuts.sheet') },
    { keys: 'Alt+L', label: t('shortcuts.language') },
    { keys: 'Esc', label: t('shortcuts.closeDialog') },
  ];
  const nav: Row[] = NAV_ITEMS.map((i) => ({ keys: i.keys, label: t('shortcuts.goTo', { screen: t(`nav.${i.key}`) }) }));
  const lists: Row[] = [
    { keys: '↑ | ↓', label: t('shortcuts.moveRow') },
    { keys: 'Enter', label: t('shortcuts.openRow') },
    { keys: 'Space', label: t('shortcuts.selectRow') },
    { keys: 'Shift+Space', label: t('shortcuts.selectRange') },
    { keys: 'Ctrl+A', label: t('shortcuts.selectAll') },
  ];
  const forms: Row[] = [{ keys: 'Ctrl+Enter', label: t('shortcuts.save') }];
  const order: Row[] = [
    { keys: 'C', label: t('orders:actions.confirm') },
    { keys: 'E', label: t('orders:actions.edit') },
    { keys: 'X', label: t('orders:actions.cancel') },
    { keys: 'Esc', label: t('orders:detail.back') },
    { keys: 'Ctrl+Enter', label: t('shipping:shortcuts.book') },
    { keys: 'L', label: t('shipping:shortcuts.label') },
  ];
  return (
    <Dialog open={open} onClose={onClose} title={t('shortcuts.title')} size="md" footer={<Button onClick={onClose}>{t('actions.close')}</Button>}>
      <div className="shortcut-grid">
        <Group title={t('shortcuts.global')} rows={global} />
        <Group title={t('shortcuts.lists')} rows={lists} />
        <Group title={t('shortcuts.navigation')} rows={nav} />
        <div>
          <Group title={t('shortcuts.forms')} rows={forms} />
          <Group title={t('shortcuts.orderDetail')} rows={order} />
        </div>
      </div>
    </Dialog>
  );
}
