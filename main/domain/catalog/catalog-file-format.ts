import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { fail } from '../../api/errors.js';

/** The columns of the product file, one row per variant (engineers and the UI template share it). */
export const PRODUCT_COLUMNS = [
  'product_sku', 'product_name', 'category', 'brand', 'description', 'variant_sku',
  'attribute1_name', 'attribute1_value', 'attribute2_name', 'attribute2_value', 'attribute3_name', 'attribute3_value',
  'barcodes', 'price', 'cost', 'vat_rate', 'weight_g', 'length_cm', 'width_cm', 'height_cm',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
export type RawRow = Partial<Record<ProductColumn, string>>;

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return String(v.result ?? '');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString();
  }
  return String(v);
};

/** Reads a CSV (UTF-8, with or without BOM) or the first sheet of an xlsx into header-keyed rows. */
export async function readRows(format: 'csv' | 'xlsx', content: Buffer): Promise<RawRow[]> {
  let table: string[][];
  if (format === 'csv') {
    const parsed = Papa.parse<string[]>(content.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
    table = parsed.data;
  } else {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      fail('FILE_INVALID', 'The file is not a readable Excel workbook');
    }
    const sheet = wb.worksheets[0];
    if (!sheet) fail('FILE_INVALID', 'The workbook has no sheet');
    table = [];
    sheet!.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) values.push(cellText(row.getCell(c).value).trim());
      table.push(values);
    });
  }
  if (!table.length) fail('FILE_INVALID', 'The file is empty');
  const header = table[0].map((h) => h.trim().toLowerCase());
  const missing = ['product_sku', 'product_name', 'variant_sku', 'price'].filter((c) => !header.includes(c));
  if (missing.length) fail('FILE_INVALID', `Missing columns: ${missing.join(', ')}`, { missing });
  return table.slice(1).map((cells) => {
    const row: RawRow = {};
    header.forEach((h, i) => {
      if ((PRODUCT_COLUMNS as readonly string[]).includes(h)) row[h as ProductColumn] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

/** Text starting like a formula is run by Excel when the CSV opens; a leading quote keeps it text. */
export const safeCell = (v: string | number): string | number => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function writeRows(format: 'csv' | 'xlsx', rows: Record<ProductColumn, string | number>[]): Promise<Buffer> {
  if (format === 'csv') {
    // The BOM makes Excel open the file as UTF-8, so Vietnamese names survive a double-click.
    return Buffer.from('\uFEFF' + Papa.unparse({ fields: [...PRODUCT_COLUMNS], data: rows.map((r) => PRODUCT_COLUMNS.map((c) => safeCell(r[c]))) }), 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('products');
  sheet.columns = PRODUCT_COLUMNS.map((c) => ({ header: c, key: c, width: c.includes('name') ? 30 : 14 }));
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
