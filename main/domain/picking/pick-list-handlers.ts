import { fail } from '../../api/errors.js';
import type { pickingContract } from '../../api/picking.js';
import type { HandlersFor } from '../../core/context.js';
import { enqueuePrint } from '../printing/print-queue.js';
import { stationNameOf } from '../stations/station-repo.js';
import { cancelPickList, createPickList, previewPickList } from './pick-list-commands.js';
import { pickListPdf } from './pick-list-pdf.js';
import { markPicked } from './pick-list-settle.js';
import { listPickLists, loadPickList, pickCandidates, pickListSummary } from './pick-list-repo.js';

function found<T>(p: T | undefined, id: number): T {
  if (!p) fail('NOT_FOUND', 'Pick list not found', { entity: 'pick_list', id });
  return p!;
}

export const pickingHandlers: HandlersFor<typeof pickingContract> = {
  'picking.candidates': (ctx, input) => ({ items: pickCandidates(ctx.store, input) }),
  'picking.preview': (ctx, { orderIds }) => previewPickList(ctx.store, orderIds),
  'picking.create': (ctx, input) => {
    const p = createPickList(ctx.store, input, ctx.operatorId, ctx.now());
    ctx.emit('orders.changed', { pickListId: p.id });
    return p;
  },
  'picking.list': (ctx, { statuses, limit, offset }) => ({ items: listPickLists(ctx.store, statuses, limit, offset) }),
  'picking.get': (ctx, { id }) => found(loadPickList(ctx.store, id), id),
  'picking.markPicked': (ctx, { id }) => {
    markPicked(ctx.store, id, ctx.now());
    const p = loadPickList(ctx.store, id)!;
    ctx.emit('orders.changed', { pickListId: p.id });
    return p;
  },
  'picking.cancel': (ctx, { id }) => {
    const p = cancelPickList(ctx.store, id, ctx.now());
    ctx.emit('orders.changed', { pickListId: p.id });
    return p;
  },
  'picking.print': (ctx, { id }) => {
    found(pickListSummary(ctx.store, id), id);
    // Queued in this command's transaction; the print worker lays it out for the station's media.
    const job = enqueuePrint(ctx.store, { station: stationNameOf(ctx), purpose: 'document', document: { kind: 'pick-list', pickListId: id } }, ctx.now());
    ctx.emit('printing.changed', { printJobId: job.printJobId });
    return job;
  },
  'picking.pdf': {
    // Read in one snapshot, then lay out the pages outside any transaction.
    async: async (ctx, { id }) => {
      const p = found(ctx.store.read(() => loadPickList(ctx.store, id)), id);
      const { bytes, pages } = await pickListPdf(p);
      return { fileName: `phieu-lay-hang-${p.code}.pdf`, base64: bytes.toString('base64'), pages };
    },
  },
};
