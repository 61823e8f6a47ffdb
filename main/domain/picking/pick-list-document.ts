// The pick list as a label model for thermal printers; the print queue's document map calls this
// for { kind: 'pick-list' }. A4 paper goes through pick-list-pdf.ts instead (many pages).
import type { PickList } from '../../api/picking.js';
import type { Label } from '../../devices/label/label-model.js';
import { pickListLabel } from '../../devices/label/layouts/pick-list.js';
import type { MediaName } from '../../devices/label/media.js';
import type { Store } from '../../store/store.js';
import { loadPickList } from './pick-list-repo.js';
import { attributesText } from './pick-list-rules.js';

export function pickListLabelOf(p: PickList, media: MediaName): Label {
  return pickListLabel(
    {
      code: p.code,
      warehouse: `${p.warehouseCode} – ${p.warehouseName}`,
      createdAt: p.createdAt,
      orders: p.totals.orders,
      units: p.totals.units,
      note: p.note,
      lines: p.lines.map((l) => ({ bin: l.bin, sku: l.sku, name: l.productName, attributes: attributesText(l.attributes), quantity: l.quantity })),
    },
    media,
  );
}

/** Throws when the pick list does not exist (a print job naming a deleted id fails clearly). */
export function pickListDocument(store: Store, pickListId: number, media: MediaName): Label {
  const p = store.read(() => loadPickList(store, pickListId));
  if (!p) throw new Error(`pick list ${pickListId} not found`);
  return pickListLabelOf(p, media);
}
