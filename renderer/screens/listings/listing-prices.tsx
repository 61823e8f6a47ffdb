import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listingsContract, type Listing, type PushLogEntry } from '../../../main/api/listings.js';
import { shopPrice } from '../../../main/domain/listings/price-rules.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { CheckboxField, NumberField } from '../../components/field.js';
import { EmptyState, ErrorBanner, Loading } from '../../components/feedback.js';
import { FilterTabs } from '../../components/filter-tabs.js';
import { Section } from '../../components/layout.js';
import { useAction, useCommand } from '../../lib/api.js';
import { apiFieldErrors, validate } from '../../lib/errors.js';
import { formatDateTime, formatVnd } from '../../lib/format.js';
import { useFormErrors } from '../../lib/form.js';
import { toast } from '../../state/toast-store.js';

// The price push on the listings screen (issue 5 §3): per listing Shopee's price, what a push would write
// and the last write; the shop's price policy; push prices now; the price push log.

const vnd = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatVnd(v));

/** "CODE: message" as stored on the listing → the code and the English message. */
export function splitError(stored: string): { code: string; message: string } {
  const i = stored.indexOf(': ');
  return i > 0 ? { code: stored.slice(0, i), message: stored.slice(i + 2) } : { code: stored, message: '' };
}

function usePriceErrorText() {
  const { t } = useTranslation('listings');
  return (code: string | null, message: string | null) => t(`price.errors.${code ?? ''}`, { message: message ?? '', defaultValue: `${code ?? ''} ${message ?? ''}`.trim() });
}

/** The listing's price cell: Shopee's price as last seen, what a push would write, the last push or its refusal. */
export function PriceCell({ l }: { l: Listing }) {
  const { t } = useTranslation('listings');
  const errorText = usePriceErrorText();
  const error = l.lastPriceError ? splitError(l.lastPriceError) : null;
  const later = l.pricePushDueAt !== null && l.pricePushDueAt > Date.now() + 60_000;
  return (
    <td className="num listing-price">
      <div>{vnd(l.price)}</div>
      {l.priceToPush !== null && l.priceToPush !== l.price ? <div className="muted" title={t('price.toPushHint')}>{t('price.toPush', { price: formatVnd(l.priceToPush) })}</div> : null}
      {l.lastPricePushedAt ? (
        <div className="muted">
          {l.lastPushedPrice === l.price ? t('price.pushedTime', { time: formatDateTime(l.lastPricePushedAt) }) : t('price.pushedAt', { price: vnd(l.lastPushedPrice), time: formatDateTime(l.lastPricePushedAt) })}
        </div>
      ) : null}
      {error ? <div className="error-text">{errorText(error.code, error.message)}</div> : null}
      {l.pricePushDueAt !== null ? <div className="muted">{later ? t('price.retryAt', { time: formatDateTime(l.pricePushDueAt) }) : t('price.queued')}</div> : null}
    </td>
  );
}

/** "Đẩy giá" for one listing's item, shown while the shop pushes prices and the listing has a price to push. */
export function PushPriceButton({ l, accountId }: { l: Listing; accountId: number }) {
  const { t } = useTranslation('listings');
  const push = useAction('listings.pushPriceNow');
  if (l.priceToPush === null) return null;
  return (
    <>
      <Button size="sm" busy={push.pending} aria-label={t('price.pushItemLabel', { sku: l.sku || l.itemId })}
        onClick={() => void push.run({ accountId, itemIds: [l.itemId] }).then((r) => r && toast('success', t('price.toastQueued', { count: r.queued })))}>
        {t('price.pushNow')}
      </Button>
      {push.error ? <ErrorBanner error={push.error} /> : null}
    </>
  );
}

const policySchema = listingsContract['listings.setPricePolicy'].input;
type Form = { enabled: boolean; markupPercent: number | null; markupFixed: number | null };
const EXAMPLE_PRICE = 100_000;

function PricePolicyDialog({ accountId, initial, onClose }: { accountId: number; initial: Form; onClose: () => void }) {
  const { t } = useTranslation('listings');
  const save = useAction('listings.setPricePolicy');
  const [form, setForm] = useState<Form>(initial);
  const input = { accountId, enabled: form.enabled, markupPercent: form.markupPercent, markupFixed: form.markupFixed };
  const clientErrors = useMemo(() => validate(t, policySchema, input), [t, form]); // eslint-disable-line react-hooks/exhaustive-deps
  const serverErrors = useMemo(() => apiFieldErrors(t, save.error), [t, save.error]);
  const errors = useFormErrors(clientErrors, serverErrors);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    errors.touch(k);
  };
  const example = shopPrice(EXAMPLE_PRICE, { markupPercent: form.markupPercent ?? 0, markupFixed: form.markupFixed ?? 0 });
  const submit = async () => {
    if (!errors.attempt() || save.pending) return;
    const r = await save.run({ accountId, enabled: form.enabled, markupPercent: form.markupPercent ?? 0, markupFixed: form.markupFixed ?? 0 });
    if (r) {
      toast('success', t(r.enabled ? 'price.policy.savedOn' : 'price.policy.savedOff'));
      onClose();
    }
  };
  return (
    <Dialog open onClose={onClose} title={t('price.policy.title')} size="md" onSubmit={() => void submit()}
      footer={<>
        <Button type="button" onClick={onClose} shortcut="Esc">{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" shortcut="Ctrl+Enter" busy={save.pending}>{t('policy.save')}</Button>
      </>}>
      {save.error && Object.keys(serverErrors).length === 0 ? <ErrorBanner error={save.error} /> : null}
      <div className="form-grid">
        <CheckboxField label={t('price.policy.enabled')} hint={t('price.policy.enabledHint')} checked={form.enabled} onChange={(v) => set('enabled', v)} />
        <NumberField label={t('price.policy.percent')} hint={t('price.policy.percentHint')} min={-50} max={300} value={form.markupPercent}
          error={errors.errorFor('markupPercent')} onChange={(v) => set('markupPercent', v)} data-autofocus />
        <NumberField label={t('price.policy.fixed')} hint={t('price.policy.fixedHint')} min={-10_000_000} max={10_000_000} value={form.markupFixed}
          error={errors.errorFor('markupFixed')} onChange={(v) => set('markupFixed', v)} />
        <p className="muted">{example === null ? t('price.policy.exampleInvalid', { from: formatVnd(EXAMPLE_PRICE) }) : t('price.policy.example', { from: formatVnd(EXAMPLE_PRICE), to: formatVnd(example) })}</p>
        <p className="muted">{t('price.policy.note')}</p>
      </div>
    </Dialog>
  );
}

/** The header's price actions: push every linked item's price now, and the price policy. */
export function PriceActions({ accountId }: { accountId: number }) {
  const { t } = useTranslation('listings');
  const [open, setOpen] = useState(false);
  const policy = useCommand('listings.pricePolicy', { accountId }, [accountId, open]);
  const pushAll = useAction('listings.pushPriceNow');
  return (
    <>
      <Button busy={pushAll.pending} disabled={!policy.data?.enabled} title={policy.data && !policy.data.enabled ? t('price.offHint') : undefined}
        onClick={() => void pushAll.run({ accountId }).then((r) => r && toast('success', t('price.toastQueued', { count: r.queued })))}>
        {t('price.pushAll')}
      </Button>
      <Button onClick={() => setOpen(true)} disabled={!policy.data}>{t('price.policy.title')}</Button>
      {pushAll.error ? <ErrorBanner error={pushAll.error} /> : null}
      {open && policy.data ? <PricePolicyDialog accountId={accountId} initial={policy.data} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** The price pushes of the shop, newest first. */
export function PricePushLog({ accountId }: { accountId: number }) {
  const { t } = useTranslation('listings');
  const errorText = usePriceErrorText();
  const [result, setResult] = useState<'all' | 'ok' | 'failed'>('all');
  const log = useCommand('listings.pushLog', { accountId, kind: 'price', limit: 50, offset: 0, ...(result === 'all' ? {} : { result }) }, [accountId, result]);
  return (
    <Section title={t('price.log.title')}>
      <FilterTabs label={t('price.log.filter')} value={result} onChange={setResult}
        tabs={[{ value: 'all', label: t('log.all'), count: null }, { value: 'ok', label: t('log.ok'), count: null }, { value: 'failed', label: t('log.failed'), count: null }]} />
      {log.error ? <ErrorBanner error={log.error} /> : null}
      {log.loading && !log.data ? <Loading /> : null}
      {log.data && log.data.items.length === 0 ? <EmptyState title={t('price.log.empty')} /> : null}
      {log.data && log.data.items.length > 0 ? (
        <table className="data-table">
          <caption className="sr-only">{t('price.log.title')}</caption>
          <thead><tr><th>{t('log.at')}</th><th>{t('log.listing')}</th><th>{t('log.reason')}</th><th className="num">{t('price.log.price')}</th><th>{t('log.result')}</th></tr></thead>
          <tbody>
            {log.data.items.map((e: PushLogEntry) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td><span className="mono">{e.sku || '—'}</span><div className="muted mono">{e.itemId} / {e.modelId}</div></td>
                <td>{t(`price.log.reasons.${e.reason}`, { defaultValue: t(`log.reasons.${e.reason}`) })}</td>
                <td className="num">{vnd(e.price)}</td>
                <td>{e.result === 'ok' ? t('log.ok') : <span className="error-text">{errorText(e.errorCode, e.error)}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
