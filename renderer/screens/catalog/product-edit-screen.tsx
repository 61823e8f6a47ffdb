import '../catalog/extras.css';
import './catalog.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../main/api/catalog.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { ErrorBanner, Loading } from '../../components/feedback.js';
import { PageHeader } from '../../components/layout.js';
import { Tag } from '../../components/status-badge.js';
import { useShortcut } from '../../app/shortcuts.js';
import { useAction, useCommand } from '../../lib/api.js';
import { goBack, navigate, useParams } from '../../lib/router.js';
import { hasRole, useOperator } from '../../state/session-store.js';
import { toast } from '../../state/toast-store.js';
import { useWarehouses } from '../warehouses/use-warehouses.js';
import { ProductDetailsSection, SpecsSection } from './product-details-section.js';
import { draftFromProduct, emptyProduct, toCreateInput, toUpdateInput, type ProductDraft } from './product-draft.js';
import { ProductMediaSection } from './product-media-section.js';
import { InitialStockSection, ProductStockSection } from './product-stock-sections.js';
import { productClientErrors, useProductErrors } from './use-product-errors.js';
import { useProductForm } from './use-product-form.js';
import { VariantsSection } from './variants-section.js';

/** Route "/products/:id": `id` is a number, or "new" for the creation form. */
export function ProductEditScreen() {
  const { id } = useParams();
  return id === 'new' ? <ProductEditor initial={emptyProduct()} /> : <SavedProduct id={Number(id)} />;
}

function SavedProduct({ id }: { id: number }) {
  const { t } = useTranslation('catalog');
  // Kept live: the stock table follows stock events, while the form keeps the user's edits.
  const product = useCommand('catalog.get', Number.isInteger(id) && id > 0 ? { id } : null);
  if (product.error) {
    return (
      <div className="screen">
        <PageHeader title={t('form.editTitle')} actions={<Button onClick={() => navigate('/products')}>{t('form.backToList')}</Button>} />
        <ErrorBanner error={product.error} />
      </div>
    );
  }
  if (!product.data) return <div className="screen"><Loading /></div>;
  return <ProductEditor initial={draftFromProduct(product.data)} product={product.data} />;
}

/** Moves focus to the first field showing an error, once React has drawn the messages. */
function focusFirstError(): void {
  window.setTimeout(() => document.querySelector<HTMLElement>('.product-form [aria-invalid="true"]')?.focus(), 0);
}

function ProductEditor({ initial, product }: { initial: ProductDraft; product?: Product }) {
  const { t } = useTranslation('catalog');
  const canEdit = hasRole('manager', useOperator()?.role);
  const form = useProductForm(initial);
  const create = useAction('catalog.create');
  const update = useAction('catalog.update');
  const action = product ? update : create;
  const errors = useProductErrors(form.draft, action.error);
  const warehouses = useWarehouses();
  const isNew = form.draft.id === undefined;

  const save = async () => {
    if (!canEdit || action.pending) return;
    const draft = form.fillSkus();
    errors.attempt();
    if (Object.keys(productClientErrors(t, draft)).length > 0) {
      focusFirstError();
      return;
    }
    if (draft.id === undefined) {
      const created = await create.run(toCreateInput(draft));
      if (!created) return focusFirstError();
      toast('success', t('form.created', { name: created.name }));
      navigate(`/products/${created.id}`, { replace: true });
    } else {
      const saved = await update.run(toUpdateInput({ ...draft, id: draft.id }));
      if (!saved) return focusFirstError();
      form.reset(draftFromProduct(saved));
      errors.reset();
      toast('success', t('form.saved', { name: saved.name }));
    }
  };

  // Leaving with unsaved edits asks first; a clean form just goes back.
  const [leaving, setLeaving] = useState(false);
  const leave = () => (form.dirty && canEdit ? setLeaving(true) : goBack('/products'));

  useShortcut('Ctrl+S | Ctrl+Enter', () => void save(), { allowInInput: true, enabled: canEdit });
  // Esc works from inside a field too: the confirmation guards unsaved edits.
  useShortcut('Escape', leave, { allowInInput: true });

  return (
    <div className="screen product-form">
      <PageHeader
        title={form.draft.name.trim() || (isNew ? t('form.newTitle') : t('form.editTitle'))}
        subtitle={
          <>
            {form.draft.sku ? <span className="mono">{form.draft.sku}</span> : null}
            {!isNew && !form.draft.active ? <Tag>{t('inactive')}</Tag> : null}
            {form.dirty ? <Tag tone="warn">{t('form.unsaved')}</Tag> : null}
          </>
        }
        actions={
          <>
            <Button shortcut="Esc" onClick={leave}>{t('form.backToList')}</Button>
            {canEdit && product ? <Button onClick={() => navigate(`/listings/publish/${product.id}`)}>{t('publish:openButton')}</Button> : null}
            {canEdit ? <Button variant="primary" shortcut="Ctrl+S" busy={action.pending} onClick={() => void save()}>{isNew ? t('form.create') : t('common:actions.save')}</Button> : null}
          </>
        }
      />
      {!canEdit ? <p className="banner banner-info">{t('form.readOnly')}</p> : null}
      <ErrorBanner error={action.error} />
      <fieldset className="plain-fieldset" disabled={!canEdit}>
        <div className="product-columns">
          <div className="product-column">
            <ProductDetailsSection form={form} errors={errors} />
          </div>
          <div className="product-column">
            <ProductMediaSection form={form} errors={errors} />
            <SpecsSection form={form} errors={errors} />
          </div>
        </div>
        <VariantsSection form={form} errors={errors} />
        {isNew ? <InitialStockSection form={form} errors={errors} warehouses={warehouses.data ?? []} /> : null}
      </fieldset>
      {product ? <ProductStockSection product={product} warehouses={warehouses.data ?? []} /> : null}
      {leaving ? (
        <Dialog
          open
          onClose={() => setLeaving(false)}
          onSubmit={() => goBack('/products')}
          title={t('form.discardTitle')}
          footer={
            <>
              <Button onClick={() => setLeaving(false)} shortcut="Esc">{t('form.stay')}</Button>
              <Button type="submit" variant="danger" shortcut="Ctrl+Enter">{t('form.discard')}</Button>
            </>
          }
        >
          <p className="dialog-text">{t('form.discardText')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
