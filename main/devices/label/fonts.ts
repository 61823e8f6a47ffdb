// The bundled Be Vietnam Pro font. Printer-resident fonts lack Vietnamese glyphs (hardware.md
// §3.2), so every piece of text on a label is drawn with this font, by us.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

/** Our own family name, so a system-installed "Be Vietnam Pro" of another version cannot interfere. */
export const LABEL_FONT_FAMILY = 'Packdesk Label';

const FILES = { regular: 'BeVietnamPro-Regular.ttf', bold: 'BeVietnamPro-Bold.ttf' } as const;

let fontsDir: string | undefined;
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;
let registered = false;

/**
 * Sources live in main/devices/label, the compiled shell in out/main/devices/label, a packaged app
 * keeps assets next to its resources: walk up until assets/fonts is found instead of hard-coding
 * one depth. PACKDESK_FONTS_DIR overrides for unusual layouts.
 */
export function findFontsDir(): string {
  if (fontsDir) return fontsDir;
  const candidates: string[] = [];
  if (process.env.PACKDESK_FONTS_DIR) candidates.push(process.env.PACKDESK_FONTS_DIR);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    candidates.push(join(dir, 'assets', 'fonts'));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'assets', 'fonts'));
  const found = candidates.find((c) => existsSync(join(c, FILES.regular)) && existsSync(join(c, FILES.bold)));
  if (!found) throw new Error(`label fonts not found (looked in ${candidates.length} places for assets/fonts/${FILES.regular})`);
  fontsDir = found;
  return found;
}

export function labelFontBytes(): { regular: Buffer; bold: Buffer } {
  if (!fontBytes) {
    const dir = findFontsDir();
    // Read into memory rather than registering by path: paths inside an asar archive are not
    // visible to the native canvas module, but Electron's fs can read them.
    fontBytes = { regular: readFileSync(join(dir, FILES.regular)), bold: readFileSync(join(dir, FILES.bold)) };
  }
  return fontBytes;
}

/** Registers the font with the canvas once per process. */
export function ensureLabelFonts(): void {
  if (registered) return;
  const bytes = labelFontBytes();
  const ok = GlobalFonts.register(bytes.regular, LABEL_FONT_FAMILY) && GlobalFonts.register(bytes.bold, LABEL_FONT_FAMILY);
  if (!ok) throw new Error('could not register the label font');
  registered = true;
}

/** A CSS font string for the canvas at a size in pixels (= printer dots when rasterising). */
export function canvasFont(sizePx: number, bold: boolean | undefined): string {
  return `${bold ? 'bold ' : ''}${sizePx.toFixed(3)}px "${LABEL_FONT_FAMILY}"`;
}
