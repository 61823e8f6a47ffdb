import { startVirtualPrinter, type VirtualPrinter } from '../devices/virtual-printer/virtual-printer.js';

export interface DemoPrinters {
  label: VirtualPrinter;
  slip: VirtualPrinter;
  /** Both printers' labels, newest first, for the "Máy in ảo" screen. */
  recent(): { id: number; printer: 'label' | 'slip'; at: number; language: string; png: Buffer; widthDots: number; heightDots: number }[];
  close(): Promise<void>;
}

/**
 * The demo shop's printers: a 100×150 mm TSPL label printer and an 80 mm ESC/POS slip printer, raw TCP
 * on loopback like port 9100 on a LAN. Ports change each launch; the demo station's profiles follow.
 */
export async function startDemoPrinters(opts: { onLabel?: () => void } = {}): Promise<DemoPrinters> {
  const label = await startVirtualPrinter({ dpi: 203, keep: 30, onLabel: opts.onLabel });
  const slip = await startVirtualPrinter({ dpi: 203, keep: 30, onLabel: opts.onLabel });
  return {
    label,
    slip,
    recent: () => {
      // Ids are per printer; the pair (printer, id) is unique and the arrival time orders them.
      const tagged = [
        ...label.labels().map((l) => ({ ...l, printer: 'label' as const })),
        ...slip.labels().map((l) => ({ ...l, printer: 'slip' as const })),
      ];
      return tagged
        .sort((a, b) => b.at - a.at || b.id - a.id)
        .map((l) => ({ id: l.printer === 'label' ? l.id * 2 : l.id * 2 + 1, printer: l.printer, at: l.at, language: l.language, png: l.png, widthDots: l.widthDots, heightDots: l.heightDots }));
    },
    close: async () => {
      await Promise.allSettled([label.close(), slip.close()]);
    },
  };
}
