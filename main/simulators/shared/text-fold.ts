// Name matching the way carriers resolve addresses: ignore case, diacritics, spacing and the
// unit-type prefix ("Phường", "P.", "Quận", "TP."), so "p. ben thanh" finds "Phường Bến Thành".

const PREFIXES = [
  'thanh pho',
  'tp.',
  'tp',
  'tinh',
  'quan',
  'q.',
  'huyen',
  'h.',
  'thi xa',
  'tx.',
  'phuong',
  'p.',
  'xa',
  'x.',
  'thi tran',
  'tt.',
  'dac khu',
];

/** Lower case, no diacritics, "đ" → "d", single spaces. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded, hyphens as spaces, and without the administrative prefix; "Phường 02" → "2", "Quận 1" → "1". */
export function placeKey(text: string): string {
  let folded = foldVietnamese(text.replace(/[-–]/g, ' '));
  for (const prefix of PREFIXES) {
    if (folded.startsWith(prefix + ' ') || (prefix.endsWith('.') && folded.startsWith(prefix))) {
      folded = folded.slice(prefix.length).trim();
      break;
    }
  }
  return /^\d+$/.test(folded) ? String(Number(folded)) : folded;
}

/** Both the whole folded name and the prefix-less key: "Quan Hoa" is a ward name, not "Quận Hoa". */
function keysOf(text: string): string[] {
  return [foldVietnamese(text.replace(/[-–]/g, ' ')).replace(/\s+/g, ' '), placeKey(text)].filter((k) => k !== '');
}

/** True when `query` names the place called `name` or any of its alternative names. */
export function samePlace(query: string, name: string, alternatives: readonly string[] = []): boolean {
  const wanted = new Set(keysOf(query));
  if (wanted.size === 0) return false;
  return [name, ...alternatives].some((candidate) => keysOf(candidate).some((k) => wanted.has(k)));
}

/** ASCII only, for the simulated PDF labels (the standard PDF fonts have no Vietnamese glyphs). */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?');
}
