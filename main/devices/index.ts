// The devices module's public surface: label model, layouts, raster, encoders, carrier documents,
// printer transports and the virtual label printer.
export * from './label/label-model.js';
export * from './label/media.js';
export type { Bitmap } from './label/bitmap.js';
export { bitmapToPng, countInk, inkBounds } from './label/bitmap.js';
export { renderLabel, renderLabelPng, thresholdFor, type RasterOptions } from './label/raster.js';
export { shippingLabel, shippingLabel100x150, type ShippingLabelData, type LabelParty } from './label/layouts/shipping-label.js';
export { packingSlip, type PackingSlipData, type PackingSlipLine } from './label/layouts/packing-slip.js';
export { testLabel, VIETNAMESE_PANGRAM, RISKY_BARCODE } from './label/layouts/test-label.js';
export { formatVnd, formatVnDateTime, formatWeight } from './label/layouts/layout-kit.js';
export { CONTENT_TYPES, encodeBitmap, encodeDocument, encodeLabel, languageOfContentType, PrinterProfileError, type EncodedLabel } from './label/encoders/encode-label.js';
export { rasterizeDocument, sniffDocument, type DocumentRasterOptions } from './label/pdf-raster.js';
export { benchLabels, type BenchResult } from './label/bench-labels.js';
export * from './printers/print-transport.js';
export { createTcpTransport, type TcpTransport, type TcpTransportOptions } from './printers/tcp-transport.js';
export { createFileTransport } from './printers/file-transport.js';
export { startVirtualPrinter, type VirtualLabel, type VirtualPrinter, type VirtualPrinterFaults, type VirtualPrinterOptions } from './virtual-printer/virtual-printer.js';
