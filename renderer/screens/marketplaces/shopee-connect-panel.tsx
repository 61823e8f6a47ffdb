import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShopeeStatus } from '../../../main/api/marketplaces.js';
import { Button } from '../../components/button.js';
import { TextAreaField } from '../../components/field.js';
import { call, type Output } from '../../lib/api.js';
import { formatDateTime, formatTime } from '../../lib/format.js';
import { shopeeErrorText } from './shopee-errors.js';

type Link = Output<'marketplaces.shopee.authLink'>;

/**
 * "Kết nối Shopee": make a signed link, open it in a browser, and either let the loopback listener catch
 * Shopee's redirect or paste the address the browser ended on. Keyboard only: Tab through, Enter acts.
 */
export function ShopeeConnectPanel({ account, onConnected }: { account: ShopeeStatus; onConnected?: (status: ShopeeStatus) => void }) {
  const { t } = useTranslation('marketplaces');
  const headingId = useId();
  const [link, setLink] = useState<Link | null>(null);
  const [busy, setBusy] = useState<'link' | 'paste' | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState('');
  const [done, setDone] = useState<ShopeeStatus | null>(null);
  const [copied, setCopied] = useState(false);
  const alive = useRef(true);
  useEffect(() => () => {
    alive.current = false;
  }, []);

  const finish = (status: ShopeeStatus) => {
    if (!alive.current) return;
    setDone(status);
    setError('');
    setWaiting(false);
    onConnected?.(status);
  };

  const createLink = async () => {
    setBusy('link');
    setError('');
    setDone(null);
    try {
      const next = await call('marketplaces.shopee.authLink', { accountId: account.accountId });
      setLink(next);
      setWaiting(true);
      // The listener answers when the seller approves; the paste stays available meanwhile.
      call('marketplaces.shopee.awaitRedirect', { accountId: account.accountId }).then(finish, (err) => {
        if (!alive.current) return;
        setWaiting(false);
        const reason = (err as { details?: { reason?: string } })?.details?.reason;
        if (reason !== 'auth_superseded') setError(shopeeErrorText(t, err));
      });
    } catch (err) {
      setError(shopeeErrorText(t, err));
    } finally {
      setBusy(null);
    }
  };

  const complete = async () => {
    setBusy('paste');
    setError('');
    try {
      finish(await call('marketplaces.shopee.completeAuth', { accountId: account.accountId, redirectedUrl: pasted }));
    } catch (err) {
      setError(shopeeErrorText(t, err));
    } finally {
      setBusy(null);
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  if (account.settingsIssue) {
    return (
      <section className="shopee-connect" aria-labelledby={headingId}>
        <h3 id={headingId}>{t('connect.title')}</h3>
        <p className="banner banner-error" role="alert">{t(`settingsIssue.${account.settingsIssue}`)}</p>
      </section>
    );
  }

  return (
    <section className="shopee-connect" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('connect.title')}</h3>
      <ol className="shopee-connect-steps">
        <li>
          <p>{t('connect.step1')}</p>
          <Button variant="primary" busy={busy === 'link'} onClick={() => void createLink()} data-autofocus>
            {link ? t('connect.newLink') : t('connect.createLink')}
          </Button>
          {link ? (
            <p className="shopee-connect-link">
              <a href={link.url} target="_blank" rel="noopener noreferrer" aria-label={t('connect.openLinkNamed', { name: account.name })}>{t('connect.openLink')}</a>{' '}
              <Button size="sm" variant="ghost" onClick={() => void copy()} aria-label={t('connect.copyLink')}>{copied ? t('connect.copied') : t('connect.copy')}</Button>
              <span className="muted small"> {t('connect.linkExpires', { at: formatTime(link.linkExpiresAt) })}</span>
            </p>
          ) : null}
        </li>
        <li>
          <p>{t('connect.step2')}</p>
          {waiting && link ? <p className="muted small" role="status">{t('connect.waiting', { until: formatTime(link.listenUntil) })}</p> : null}
        </li>
        <li>
          <TextAreaField
            label={t('connect.pasteLabel')}
            hint={t('connect.pasteHint')}
            value={pasted}
            onChange={setPasted}
            rows={2}
            spellCheck={false}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && pasted.trim()) {
                e.preventDefault();
                void complete();
              }
            }}
          />
          <Button busy={busy === 'paste'} disabled={!pasted.trim()} onClick={() => void complete()}>{t('connect.complete')}</Button>
        </li>
      </ol>
      {error ? <p className="banner banner-error" role="alert">{error}</p> : null}
      {done ? (
        <p className="banner banner-ok" role="status">
          {done.shopName ? t('connect.connected', { shop: done.shopName, id: done.shopId }) : t('connect.connectedUnnamed', { id: done.shopId })}
          {done.accessExpiresAt ? ` ${t('connect.tokenUntil', { at: formatDateTime(done.accessExpiresAt) })}` : ''}
        </p>
      ) : null}
    </section>
  );
}
