// Byte-limited text (Viettel Post caps string fields at 150 bytes of UTF-8, pitfall G3.3). Vietnamese letters
// take 2–3 bytes each, and a decomposed (NFD) string takes more than the same text composed, so text is
// normalised to NFC before it is measured or cut.
const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

export const utf8Bytes = (text: string): number => Buffer.byteLength(text.normalize('NFC'), 'utf8');

/** The longest prefix of `text` (NFC) within `maxBytes`, cut between grapheme clusters so no letter loses its tone mark. */
export function truncateUtf8(text: string, maxBytes: number): string {
  const nfc = text.normalize('NFC');
  if (Buffer.byteLength(nfc, 'utf8') <= maxBytes) return nfc;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(nfc)) {
    const size = Buffer.byteLength(segment, 'utf8');
    if (used + size > maxBytes) break;
    out += segment;
    used += size;
  }
  return out.trimEnd();
}
