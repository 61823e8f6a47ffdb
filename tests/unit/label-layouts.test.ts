// Layouts on every media: valid, nothing drawn off the label, the important text kept whole.
import { describe, expect, it } from 'vitest';
import { validateLabel, type Label, type TextElement } from '../../main/devices/label/label-model.js';
import { packingSlip } from '../../main/devices/label/layouts/packing-slip.js';
import { shippingLabel, type ShippingLabelData } from '../../main/devices/label/layouts/shipping-label.js';
import { testLabel, VIETNAMESE_PANGRAM } from '../../main/devices/label/layouts/test-label.js';
import { MEDIA, type MediaName } from '../../main/devices/label/media.js';
import { code128TotalHeightMm } from '../../main/devices/label/raster.js';
import { placeText } from '../../main/devices/label/text-layout.js';
import { SAMPLE_SHIPMENT, SAMPLE_SLIP } from '../fixtures/labels/sample-data.js';

const ALL_MEDIA = Object.keys(MEDIA) as MediaName[];

function texts(label: Label): TextElement[] {
  return label.elements.filter((e): e is TextElement => e.kind === 'text');
}

/** Validation plus the real height of wrapped text and barcode captions. */
function expectFits(label: Label) {
  expect(validateLabel(label)).toEqual([]);
  for (const t of texts(label)) expect(t.yMm + placeText(t).heightMm, t.text).toBeLessThanOrEqual(label.heightMm + 0.01);
  for (const el of label.elements) if (el.kind === 'code128') expect(el.yMm + code128TotalHeightMm(el)).toBeLessThanOrEqual(label.heightMm + 0.01);
}

function shownText(label: Label): string {
  return texts(label)
    .map((t) => placeText(t).lines.map((l) => l.text).join(' '))
    .join('\n');
}

const LONG: ShippingLabelData = {
  ...SAMPLE_SHIPMENT,
  receiver: { ...SAMPLE_SHIPMENT.receiver, address: `${SAMPLE_SHIPMENT.receiver.address}, `.repeat(4) },
  items: Array.from({ length: 30 }, (_, i) => ({ name: `Sản phẩm thứ ${i + 1} có tên rất dài để thử cắt dòng`, quantity: i + 1 })),
  note: 'Ghi chú rất dài. '.repeat(20),
};

describe.each(ALL_MEDIA)('on %s', (media) => {
  it('the shipping label fits, with sample and with absurdly long data', () => {
    expectFits(shippingLabel(SAMPLE_SHIPMENT, media));
    expectFits(shippingLabel(LONG, media));
  });
  it('the packing slip fits', () => {
    expectFits(packingSlip(SAMPLE_SLIP, media));
    expectFits(packingSlip({ ...SAMPLE_SLIP, lines: [...SAMPLE_SLIP.lines, ...SAMPLE_SLIP.lines, ...SAMPLE_SLIP.lines, ...SAMPLE_SLIP.lines] }, media));
  });
  it('the test label fits and carries the pangram', () => {
    const l = testLabel({ language: 'pdf', media, dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8 });
    expectFits(l);
    expect(texts(l).some((t) => t.text === VIETNAMESE_PANGRAM)).toBe(true);
  });
});

describe('shipping label content', () => {
  const label = shippingLabel(SAMPLE_SHIPMENT, '100x150');

  it('keeps the whole receiver address on 100×150', () => {
    const address = texts(label).find((t) => t.text === SAMPLE_SHIPMENT.receiver.address)!;
    expect(placeText(address).truncated).toBe(false);
  });

  it('shows carrier, tracking, sort and route codes, both parties, COD, weight, order and date', () => {
    const all = shownText(label);
    for (const s of ['Giao Hàng Nhanh', '020-HCM-Q1-B05', 'T12', 'Nguyễn Thị Thanh Hằng', '0987654321', 'Shop Mẹ Bống', '1.234.567 ₫', '1,25 kg', '12/01/2025 10:07', 'Ghi chú:']) {
      expect(all).toContain(s);
    }
    const codes = label.elements.filter((e) => e.kind === 'code128').map((e) => (e.kind === 'code128' ? e.data : ''));
    expect(codes).toEqual([SAMPLE_SHIPMENT.trackingNumber, SAMPLE_SHIPMENT.orderNumber]);
  });

  it('says KHÔNG THU TIỀN when there is nothing to collect', () => {
    const all = shownText(shippingLabel({ ...SAMPLE_SHIPMENT, codAmount: 0 }, '100x150'));
    expect(all).toContain('KHÔNG THU TIỀN');
    expect(all).not.toContain('THU HỘ');
  });

  it('grows on rolls instead of cutting the address', () => {
    const short = shippingLabel(SAMPLE_SHIPMENT, '58mm');
    const long = shippingLabel({ ...SAMPLE_SHIPMENT, receiver: { ...SAMPLE_SHIPMENT.receiver, address: `${SAMPLE_SHIPMENT.receiver.address} ${SAMPLE_SHIPMENT.receiver.address}` } }, '58mm');
    expect(short.widthMm).toBe(48);
    expect(long.heightMm).toBeGreaterThan(short.heightMm);
    const address = texts(long).find((t) => t.text.startsWith('Căn hộ'))!;
    expect(placeText(address).truncated).toBe(false);
  });

  it('shrinks on 100×100 but keeps the tracking barcode, receiver and COD', () => {
    const small = shownText(shippingLabel(SAMPLE_SHIPMENT, '100x100'));
    for (const s of ['Nguyễn Thị Thanh Hằng', '0987654321', '1.234.567 ₫', '020-HCM-Q1-B05']) expect(small).toContain(s);
  });
});
