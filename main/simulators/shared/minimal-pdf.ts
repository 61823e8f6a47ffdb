// A hand-written PDF with lines of text, one page per label: enough for a simulated carrier label that PDF
// viewers and rasterisers open, without pulling a PDF library into the simulators.

import { toAscii } from './text-fold.js';

export interface PdfSpec {
  /** Page size in PDF points (1/72 inch), the same for every page. */
  widthPt: number;
  heightPt: number;
  /** One array of text lines per page. */
  pages: string[][];
  fontSize?: number;
}

/** Page sizes in points for the label formats carriers offer. */
export const PAGE_SIZES = {
  A5: { widthPt: 420, heightPt: 595 },
  A6: { widthPt: 298, heightPt: 420 },
  A7: { widthPt: 210, heightPt: 298 },
} as const;

const escapePdfText = (s: string) => toAscii(s).replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');

export function buildTextPdf(spec: PdfSpec): Buffer {
  const size = spec.fontSize ?? Math.max(6, Math.round(spec.widthPt / 30));
  const lead = Math.round(size * 1.4);
  const margin = Math.round(size * 1.5);
  const pages = spec.pages.length > 0 ? spec.pages : [[]];
  const streamOf = (lines: string[]) => {
    const ops = lines.map((line, i) => `${i === 0 ? '' : `0 -${lead} Td `}(${escapePdfText(line)}) Tj`).join('\n');
    return `BT\n/F1 ${size} Tf\n${margin} ${spec.heightPt - margin - size} Td\n${ops}\nET\n`;
  };

  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream for each page.
  const pageIds = pages.map((_, i) => 4 + i * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (const [i, lines] of pages.entries()) {
    const content = streamOf(lines);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${spec.widthPt} ${spec.heightPt}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`,
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    );
  }

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, flag, CR LF.
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
