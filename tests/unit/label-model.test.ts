// The label model's checks, Vietnamese formatting and text wrapping.
import { describe, expect, it } from 'vitest';
import { validateLabel, type Label } from '../../main/devices/label/label-model.js';
import { formatVnd, formatVnDateTime, formatWeight } from '../../main/devices/label/layouts/layout-kit.js';
import { contentSummary } from '../../main/devices/label/layouts/shipping-label.js';
import { checkProfile, mmToDots } from '../../main/devices/label/media.js';
import { placeText, textWidthMm, wrapText } from '../../main/devices/label/text-layout.js';

describe('label model validation', () => {
  const base: Label = { widthMm: 100, heightMm: 150, elements: [] };

  it('accepts elements inside the label', () => {
    const label: Label = {
      ...base,
      elements: [
        { kind: 'text', xMm: 3, yMm: 3, widthMm: 94, text: 'Xin chào', sizePt: 10 },
        { kind: 'code128', xMm: 0, yMm: 20, widthMm: 100, heightMm: 15, data: 'GHN123' },
        { kind: 'qr', xMm: 70, yMm: 120, sizeMm: 30, data: 'x' },
        { kind: 'line', x1Mm: 0, y1Mm: 50, x2Mm: 100, y2Mm: 50, thicknessMm: 0.3 },
        { kind: 'box', xMm: 0, yMm: 0, widthMm: 100, heightMm: 150, borderMm: 0.5 },
      ],
    };
    expect(validateLabel(label)).toEqual([]);
  });

  it('rejects elements outside the label, non-ASCII barcode data and bad sizes', () => {
    const issues = validateLabel({
      ...base,
      elements: [
        { kind: 'box', xMm: 90, yMm: 0, widthMm: 20, heightMm: 10 },
        { kind: 'code128', xMm: 0, yMm: 0, widthMm: 50, heightMm: 10, data: 'ĐƠN-1' },
        { kind: 'text', xMm: 0, yMm: 0, widthMm: 10, text: 'a', sizePt: 0 },
        { kind: 'qr', xMm: 0, yMm: 140, sizeMm: 20, data: 'x' },
      ],
    });
    expect(issues.map((i) => i.index)).toEqual([0, 1, 2, 3]);
    expect(issues[1].message).toMatch(/ASCII/);
    expect(validateLabel({ widthMm: 0, heightMm: 10, elements: [] })[0].index).toBe(-1);
  });

  it('checks printer profiles', () => {
    expect(checkProfile({ language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8 })).toEqual([]);
    expect(checkProfile({ language: 'escpos', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8 })).toHaveLength(1);
    expect(checkProfile({ language: 'zpl', media: 'a6', dpi: 600 as 203, offsetXmm: 30, offsetYmm: 0, darkness: 16 })).toHaveLength(3);
  });

  it('uses 8 dots/mm at 203 dpi and 11.81 at 300 dpi', () => {
    expect(mmToDots(100, 203)).toBe(800);
    expect(mmToDots(150, 203)).toBe(1200);
    expect(mmToDots(100, 300)).toBe(1181);
    expect(mmToDots(150, 300)).toBe(1772);
  });
});

describe('Vietnamese formatting', () => {
  it('formats đồng with dot thousands', () => {
    expect(formatVnd(1234567)).toBe('1.234.567 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(999)).toBe('999 ₫');
    expect(formatVnd(-20000)).toBe('-20.000 ₫');
  });

  it('prints dates in Asia/Ho_Chi_Minh whatever the machine zone', () => {
    expect(formatVnDateTime(Date.UTC(2025, 0, 12, 3, 7))).toBe('12/01/2025 10:07');
    expect(formatVnDateTime(Date.UTC(2024, 11, 31, 17, 30))).toBe('01/01/2025 00:30');
  });

  it('formats weights with a decimal comma', () => {
    expect(formatWeight(850)).toBe('850 g');
    expect(formatWeight(1250)).toBe('1,25 kg');
    expect(formatWeight(2000)).toBe('2 kg');
  });
});

describe('text wrapping', () => {
  it('wraps at spaces within the width', () => {
    const { lines, truncated } = wrapText('Căn hộ 12.05, Tòa nhà Sunrise Riverside, 268 Đường Nguyễn Hữu Thọ, Phường Phước Kiển', 11, false, 60);
    expect(truncated).toBe(false);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidthMm(l, 11)).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe('Căn hộ 12.05, Tòa nhà Sunrise Riverside, 268 Đường Nguyễn Hữu Thọ, Phường Phước Kiển');
  });

  it('cuts to maxLines with an ellipsis', () => {
    const { lines, truncated } = wrapText('một hai ba bốn năm sáu bảy tám chín mười '.repeat(6), 10, false, 40, 2);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(textWidthMm(lines[1], 10)).toBeLessThanOrEqual(40);
  });

  it('breaks a word longer than the line without splitting a letter from its marks', () => {
    const decomposed = 'Nguyễn'.normalize('NFD').repeat(8);
    const { lines } = wrapText(decomposed, 12, true, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Nguyễn'.repeat(8)); // NFC: ễ stays one character
  });

  it('keeps explicit line breaks and aligns lines', () => {
    const placed = placeText({ kind: 'text', xMm: 10, yMm: 5, widthMm: 50, text: 'a\nbb', sizePt: 10, align: 'right' });
    expect(placed.lines.map((l) => l.text)).toEqual(['a', 'bb']);
    for (const l of placed.lines) expect(l.xMm + l.widthMm).toBeCloseTo(60, 5);
    expect(placed.lines[1].baselineMm).toBeGreaterThan(placed.lines[0].baselineMm);
  });
});

describe('content summary', () => {
  const items = [
    { name: 'Áo thun cotton cổ tròn màu trắng size M', quantity: 2 },
    { name: 'Quần jean ống suông xanh đậm size 29', quantity: 1 },
    { name: 'Mũ lưỡi trai', quantity: 1 },
  ];
  it('lists every item when it fits', () => {
    expect(contentSummary(items, 9, 94, 3)).toBe('Nội dung (4 sp): 2 × Áo thun cotton cổ tròn màu trắng size M; 1 × Quần jean ống suông xanh đậm size 29; 1 × Mũ lưỡi trai');
  });
  it('drops whole items and counts the rest when it does not', () => {
    const s = contentSummary(items, 9, 94, 1);
    expect(s).toMatch(/^Nội dung \(4 sp\): 2 × Áo thun/);
    expect(s).toMatch(/\+2 sản phẩm khác$/);
    expect(wrapText(s, 9, false, 94, 1).truncated).toBe(false);
  });
});
