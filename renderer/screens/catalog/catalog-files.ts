/**
 * Files in and out of the catalogue: the import template, exports the core hands back as base64,
 * and files the user picks for import. The column list is spelled out here because the UI shows
 * it and builds the template from it; the core's parser reads exactly these columns (a unit test
 * keeps the two lists equal).
 */
export const TEMPLATE_COLUMNS = [
  'product_sku', 'product_name', 'category', 'brand', 'description', 'variant_sku',
  'attribute1_name', 'attribute1_value', 'attribute2_name', 'attribute2_value', 'attribute3_name', 'attribute3_value',
  'barcodes', 'price', 'cost', 'vat_rate', 'weight_g', 'length_cm', 'width_cm', 'height_cm',
] as const;

export const TEMPLATE_FILE_NAME = 'packdesk-products-template.csv';

/** The header row only. The BOM makes Excel read the file as UTF-8, so Vietnamese text survives. */
export function templateCsv(): string {
  return `\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n`;
}

export type ImportFormat = 'csv' | 'xlsx';

export function importFormatOf(fileName: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** Saves a blob through the browser's download (Electron's shell routes it to a save dialog). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines; a moment later is safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function base64ToBlob(base64: string, mimeType: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

/** A picked file as base64 without the data-URL prefix, which is what the import commands take. */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
