// The scanner's public surface. Screens use `useScan`; the shell mounts `ScannerProvider` once.
export type { Scan, ScanHandler, ScanReport, RawKey } from './scan-registry.js';
export { useScan, useScanReports, useRawKeys } from './use-scan.js';
export { ScannerProvider, useScannerStation, isScanInProgress, scansIdle, DEFAULT_SCANNER_CONFIG } from './scanner-provider.js';
export { scanFeedback } from './scan-feedback.js';
