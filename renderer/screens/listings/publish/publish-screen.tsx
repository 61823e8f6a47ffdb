import './publish.css';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssueOut, PublishDraft, PublishForm } from '../../../../main/api/listing-publish.js';
import { attributeFacts, channelFacts, checkPublication, planTiers, PUBLISH_LIMITS } from '../../../../main/domain/listings/publish/publish-rules.js';
import { useShortcut } from '../../../app/shortcuts.js';
import { Button } from '../../../components/button.js';
import { SelectField, TextAreaField, TextField } from '../../../components/field.js';
import { EmptyState, ErrorBanner, Loading } from '../../../components/feedback.js';
import { PageHeader, Section } from '../../../components/layout.js';
import { Tag } from '../../../components/status-badge.js';
import { ApiError, useAction, useCommand } from '../../../lib/api.js';
import { goBack, navigate, useLocation, useParams } from '../../../lib/router.js';
import { toast } from '../../../state/toast-store.js';
import { AttributeFields } from './publish-attributes.js';
import { CategoryField } from './publish-category.js';
import { ImagesField } from './publish-media.js';
import { ModelsGrid } from './publish-models.js';
import { PublishProgress } from './publish-progress.js';
import { ShippingFields } from './publish-shipping.js';
import { errorsByField, firstError } from './publish-view.js';

// "Đăng lên Shopee" (issue 5 §3 push side): one product on one Shopee shop. The draft lives here while
// it is edited; the same checks as the core's run as the operator types, and what Shopee refuses comes
// back next to the field it names.

const STATUS_TONE = { draft: 'neutral', queued: 'info', publishing: 'info', listed: 'ok', failed: 'danger' } as const;

function PublishEditor({ form, accountId, shopPicker }: { form: PublishForm; accountId: number; shopPicker: ReactNode }) {
  const { t } = useTranslation('publish');
  const [draft, setDraft] = useState<PublishDraft>(form.draft);
  const [attempted, setAttempted] = useState(false);
  const set = <K extends keyof PublishDraft>(k: K, v: PublishDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const categories = useCommand('listings.publish.categories', { accountId, refresh: false });
  const channels = useCommand('listings.publish.channels', { accountId, refresh: false });
  const attributes = useCommand('listings.publish.attributes', draft.categoryId ? { accountId, categoryId: draft.categoryId, refresh: false } : null);
  const refresh = useAction('listings.publish.categories');
  const refreshChannels = useAction('listings.publish.channels');
  const save = useAction('listings.publish.save');
  const submit = useAction('listings.publish.submit');

  const plan = useMemo(() => {
    const price = new Map(draft.models.map((m) => [m.variantId, m.price]));
    return planTiers(form.product.variants.filter((v) => price.has(v.variantId)).map((v) => ({ ...v, price: price.get(v.variantId)! })));
  }, [draft.models, form.product.variants]);
  const checks = useMemo(() => {
    const cat = categories.data?.categories.find((c) => c.id === draft.categoryId);
    return checkPublication({
      draft, plan,
      attributes: draft.categoryId && attributes.data ? attributeFacts(attributes.data.attributes) : null,
      channels: channels.data ? channelFacts(channels.data.channels) : null,
      categoryLeaf: cat ? !cat.hasChildren : null,
    });
  }, [draft, plan, attributes.data, channels.data, categories.data]);

  // The core's own checks, when it refused "Đăng" (stale facts here): shown like ours.
  const refusedChecks = submit.error instanceof ApiError && submit.error.details?.reason === 'publish_checks';
  const serverIssues = refusedChecks ? ((submit.error!.details!.issues as FieldIssueOut[]) ?? []) : [];
  const pub = form.publication;
  const busy = pub?.status === 'queued' || pub?.status === 'publishing';
  const listed = pub?.status === 'listed';
  // Once Shopee has the item, only the variations are sent again: the rest is shown but not editable.
  const itemLocked = busy || listed || !!pub?.itemId;
  const errors = useMemo(() => errorsByField(t, attempted ? [...checks, ...serverIssues] : serverIssues, pub), [t, attempted, checks, serverIssues, pub]);
  const errorFor = (field: string) => firstError(errors, field);

  const doSave = async () => {
    const r = await save.run({ accountId, productId: form.productId, draft });
    if (r) toast('success', t('toast.saved'));
  };
  const doSubmit = async () => {
    setAttempted(true);
    if (checks.length) {
      toast('error', t('toast.fix', { count: checks.length }));
      window.setTimeout(() => document.querySelector<HTMLElement>('.publish-form [aria-invalid="true"], .publish-form .has-error input')?.focus(), 0);
      return;
    }
    const r = await submit.run({ accountId, productId: form.productId, draft });
    if (r) toast('info', t('toast.queued'));
  };
  useShortcut('Ctrl+S', () => void doSave(), { allowInInput: true });
  useShortcut('Ctrl+Enter', () => void doSubmit(), { allowInInput: true });

  const modelIds = new Map((pub?.models ?? []).map((m) => [m.variantId, m.modelId]));
  return (
    <div className="screen publish-form">
      <PageHeader
        title={t('title', { name: form.product.name })}
        subtitle={<><span className="mono">{form.product.sku}</span> <Tag tone={STATUS_TONE[pub?.status ?? 'draft']}>{t(`status.${pub?.status ?? 'new'}`)}</Tag></>}
        actions={<>
          <Button onClick={() => goBack(`/products/${form.productId}`)}>{t('back')}</Button>
          <Button shortcut="Ctrl+S" disabled={busy || listed} busy={save.pending} onClick={() => void doSave()}>{t('saveDraft')}</Button>
          <Button variant="primary" shortcut="Ctrl+Enter" disabled={busy || listed} busy={submit.pending || busy} onClick={() => void doSubmit()}>
            {pub?.status === 'failed' ? t('retry') : t('publish')}
          </Button>
        </>}>
        {shopPicker ? <div className="publish-shop">{shopPicker}</div> : null}
      </PageHeader>
      <PublishProgress publication={pub} accountId={accountId} />
      {!listed && form.alreadyOnShop.length ? (
        <p className="banner banner-warn">{t('alreadyOnShop', { items: [...new Set(form.alreadyOnShop.map((l) => l.itemId))].join(', '), skus: form.alreadyOnShop.map((l) => l.sku).join(', ') })}</p>
      ) : null}
      {save.error ? <ErrorBanner error={save.error} /> : null}
      {submit.error && !refusedChecks ? <ErrorBanner error={submit.error} /> : null}
      {attempted && checks.length ? <p className="banner banner-warn" role="alert">{t('toast.fix', { count: checks.length })}</p> : null}
      <fieldset className="plain-fieldset" disabled={busy || listed}>
        <div className="publish-columns">
          <div className="publish-column">
            <Section title={t('sections.product')}>
              <fieldset className="plain-fieldset form" disabled={itemLocked}>
                {categories.error ? <ErrorBanner error={categories.error} /> : null}
                <CategoryField categories={categories.data?.categories} fetchedAt={categories.data?.fetchedAt} value={draft.categoryId} path={draft.categoryPath}
                  error={errorFor('category_id')} refreshing={refresh.pending} disabled={itemLocked}
                  onRefresh={() => void refresh.run({ accountId, refresh: true }).then(() => categories.reload())}
                  onPick={(c) => setDraft((d) => ({ ...d, categoryId: c.id, categoryPath: c.path, attributes: [] }))} />
                <TextField label={t('fields.itemName')} required maxLength={300} value={draft.itemName} onChange={(v) => set('itemName', v)} error={errorFor('item_name')}
                  hint={t('fields.count', { n: draft.itemName.trim().length, min: PUBLISH_LIMITS.nameMin, max: PUBLISH_LIMITS.nameMax })} />
                <TextAreaField label={t('fields.description')} required rows={6} maxLength={5000} value={draft.description} onChange={(v) => set('description', v)}
                  error={errorFor('description')} hint={t('fields.count', { n: draft.description.trim().length, min: PUBLISH_LIMITS.descriptionMin, max: PUBLISH_LIMITS.descriptionMax })} />
              </fieldset>
            </Section>
            <Section title={t('sections.attributes')}>
              <fieldset className="plain-fieldset" disabled={itemLocked}>
                {!draft.categoryId ? <p className="muted">{t('attributes.pickCategory')}</p> : null}
                {attributes.error ? <ErrorBanner error={attributes.error} /> : null}
                {draft.categoryId && attributes.loading && !attributes.data ? <Loading /> : null}
                {draft.categoryId && attributes.data ? (
                  <AttributeFields attributes={attributes.data.attributes} value={draft.attributes} onChange={(v) => set('attributes', v)} errorFor={errorFor} />
                ) : null}
              </fieldset>
            </Section>
          </div>
          <div className="publish-column">
            <Section title={t('sections.images')}>
              <fieldset className="plain-fieldset" disabled={itemLocked}>
                <ImagesField images={form.product.images} chosen={draft.images} uploaded={pub?.images} name={form.product.name} max={PUBLISH_LIMITS.imagesMax}
                  onChange={(v) => set('images', v)} error={errorFor('image')} errorFor={errorFor} />
              </fieldset>
            </Section>
            <Section title={t('sections.shipping')}>
              <fieldset className="plain-fieldset" disabled={itemLocked}>
                {channels.error ? <ErrorBanner error={channels.error} /> : null}
                <ShippingFields draft={draft} channels={channels.data?.channels} errorFor={errorFor} refreshing={refreshChannels.pending}
                  onRefresh={() => void refreshChannels.run({ accountId, refresh: true }).then(() => channels.reload())}
                  onSize={(patch) => setDraft((d) => ({ ...d, ...patch }))} onChannels={(ids) => set('logisticsIds', ids)} />
              </fieldset>
            </Section>
          </div>
        </div>
        <Section title={t('sections.models')}>
          <ModelsGrid variants={form.product.variants} plan={plan} draft={draft} modelIds={modelIds} onModels={(v) => set('models', v)} errorFor={errorFor} locked={busy || listed} />
        </Section>
      </fieldset>
    </div>
  );
}

/** Route /listings/publish/:productId?account=<id>: picks the shop, loads the form, keeps the draft per shop. */
export function PublishScreen() {
  const { t } = useTranslation('publish');
  const productId = Number(useParams().productId);
  const { query } = useLocation();
  const shops = useCommand('marketplaces.list', {});
  const connected = useMemo(() => (shops.data ?? []).filter((s) => s.connected), [shops.data]);
  const fromQuery = Number(query.get('account')) || null;
  const [accountId, setAccountId] = useState<number | null>(fromQuery);
  useEffect(() => {
    if (accountId === null && connected.length) setAccountId(connected[0].accountId);
  }, [accountId, connected]);
  const form = useCommand('listings.publish.form', accountId && productId > 0 ? { accountId, productId } : null);
  const shopPicker = connected.length > 1 && accountId ? (
    <SelectField label={t('shop')} value={String(accountId)} onChange={(v) => { setAccountId(Number(v)); navigate(`/listings/publish/${productId}?account=${v}`, { replace: true }); }}
      options={connected.map((s) => ({ value: String(s.accountId), label: s.shopName || s.name }))} />
  ) : null;
  if (shops.data && connected.length === 0) return <div className="screen"><PageHeader title={t('titlePlain')} /><EmptyState title={t('noShop')} /></div>;
  return (
    <>
      {form.error ? <div className="screen"><PageHeader title={t('titlePlain')}>{shopPicker}</PageHeader><ErrorBanner error={form.error} /></div> : null}
      {!form.data ? (form.error ? null : <div className="screen"><Loading /></div>) : <PublishEditor key={`${accountId}:${productId}`} form={form.data} accountId={accountId!} shopPicker={shopPicker} />}
    </>
  );
}
