import { describe, expect, it } from 'vitest';
import { foldText, ftsPrefixQuery, searchTokens } from '../../../main/domain/shared/text-fold.js';

describe('foldText', () => {
  it.each([
    ['Nguyễn Thị Lan', 'nguyen thi lan'],
    ['ĐẶNG VĂN ĐỨC', 'dang van duc'],
    ['đường Điện Biên Phủ', 'duong dien bien phu'],
    ['Hồ Chí Minh', 'ho chi minh'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Quảng Ngãi', 'quang ngai'],
    ['Bà Rịa – Vũng Tàu', 'ba ria – vung tau'],
    ['  Áo   thun\tcotton ', 'ao thun cotton'],
    ['ơ ư ă â ê ô', 'o u a a e o'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it('folds precomposed and decomposed input alike', () => {
    const nfc = 'Nguyễn'.normalize('NFC');
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldText(nfc)).toBe(foldText(nfd));
  });
});

describe('searchTokens / ftsPrefixQuery', () => {
  it('splits folded text into letters-and-digits words', () => {
    expect(searchTokens('Áo thun (size M) – 149.000đ')).toEqual(['ao', 'thun', 'size', 'm', '149', '000d']);
  });

  it('requires every word as a quoted prefix, so FTS syntax in the query is inert', () => {
    expect(ftsPrefixQuery('Nguyễn Lan')).toBe('"nguyen"* "lan"*');
    expect(ftsPrefixQuery('lan OR "x" NEAR(')).toBe('"lan"* "or"* "x"* "near"*');
  });

  it('keeps at most 8 words and is null when nothing is searchable', () => {
    expect(ftsPrefixQuery('a b c d e f g h i j')?.split(' ')).toHaveLength(8);
    expect(ftsPrefixQuery(' -- ')).toBeNull();
    expect(ftsPrefixQuery('')).toBeNull();
  });
});
