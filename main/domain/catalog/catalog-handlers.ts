import type { catalogContract } from '../../api/catalog.js';
import type { CommandContext, HandlersFor } from '../../core/context.js';
import { exportCatalog } from './catalog-export.js';
import { commitImport, previewImport } from './catalog-import.js';
import { getProduct, listProducts, searchVariants } from './catalog-queries.js';
import { createProduct, updateProduct } from './catalog-service.js';
import { fail } from '../../api/errors.js';

const actor = (ctx: CommandContext) => ({ operatorId: ctx.operatorId, at: ctx.now() });

export const catalogHandlers: HandlersFor<typeof catalogContract> = {
  'catalog.list': (ctx, input) => listProducts(ctx.store, input),
  'catalog.get': (ctx, { id }) => getProduct(ctx.store, id),
  'catalog.create': (ctx, input) => {
    const id = createProduct(ctx.store, input, actor(ctx));
    ctx.emit('catalog.changed', { ids: [id] });
    if (input.variants.some((v) => v.initialStock.length)) ctx.emit('stock.changed', {});
    return getProduct(ctx.store, id);
  },
  'catalog.update': (ctx, input) => {
    updateProduct(ctx.store, input, actor(ctx));
    ctx.emit('catalog.changed', { ids: [input.id] });
    return getProduct(ctx.store, input.id);
  },
  'catalog.setActive': (ctx, { id, active }) => {
    const r = ctx.store.prepare('UPDATE products SET active = ?, updated_at = ? WHERE id = ?').run(Number(active), ctx.now(), id);
    if (r.changes === 0) fail('NOT_FOUND', 'Product not found', { entity: 'product', id });
    ctx.emit('catalog.changed', { ids: [id] });
    return { ok: true as const };
  },
  'catalog.categories': (ctx) =>
    (ctx.store.prepare("SELECT DISTINCT category FROM products WHERE category <> '' ORDER BY category").all() as { category: string }[]).map((r) => r.category),
  'catalog.lookup': (ctx, { code }) => {
    const r = ctx.store.prepare('SELECT kind, product_id, variant_id FROM catalog_codes WHERE code = ?').get(code) as { kind: 'barcode'; product_id: number; variant_id: number | null } | undefined;
    return r ? { kind: r.kind, productId: r.product_id, variantId: r.variant_id } : null;
  },
  'catalog.searchVariants': (ctx, { query, warehouseId, limit }) => searchVariants(ctx.store, query, warehouseId, limit),
  'catalog.importPreview': { async: (ctx, input) => previewImport(ctx.store, input) },
  'catalog.importCommit': {
    async: async (ctx, input) => {
      const result = await commitImport(ctx.store, input, actor(ctx));
      ctx.emit('catalog.changed', {});
      ctx.emit('stock.changed', {});
      return result;
    },
  },
  'catalog.export': { async: (ctx, { format }) => exportCatalog(ctx.store, format) },
};
