import { z } from 'zod';

/**
 * What a print job prints, named by the thing it shows rather than its bytes: the bytes are made when
 * the job runs, for the printer the station uses then (its language, media and dpi), so a profile
 * changed while a job waits still gets a label that fits.
 */
export const printDocument = z.discriminatedUnion('kind', [
  /** The carrier's label file when downloaded (rasterised for thermal printers), our own 100×150 layout otherwise. */
  z.object({ kind: z.literal('shipment-label'), shipmentId: z.number().int().positive() }),
  z.object({ kind: z.literal('packing-slip'), orderId: z.number().int().positive() }),
  z.object({ kind: z.literal('pick-list'), pickListId: z.number().int().positive() }),
  z.object({ kind: z.literal('test') }),
]);
export type PrintDocument = z.output<typeof printDocument>;
export type PrintDocumentKind = PrintDocument['kind'];

export const PRINT_PURPOSES = ['label', 'slip', 'document'] as const;
export type PrintPurpose = (typeof PRINT_PURPOSES)[number];
