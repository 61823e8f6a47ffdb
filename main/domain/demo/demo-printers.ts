import type { Store } from '../../store/store.js';
import { createProfile, listProfiles, updateProfile } from '../printing/printer-profile-repo.js';
import type { ProfileFields } from '../printing/printer-profile-rules.js';

const LABEL = 'Máy in tem (ảo)';
const SLIP = 'Máy in phiếu (ảo)';

/**
 * The demo station's two printers, pointed at this launch's virtual printers (their ports change each
 * start). Found again by name; a manager may edit or archive them like any profile.
 */
export function upsertDemoPrinters(store: Store, station: string, ports: { label: { port: number }; slip: { port: number } }, now: number): void {
  const wanted: ProfileFields[] = [
    { name: LABEL, purposes: ['label'], transport: { kind: 'tcp', host: '127.0.0.1', port: ports.label.port }, language: 'tspl', media: '100x150', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, active: true },
    { name: SLIP, purposes: ['slip', 'document'], transport: { kind: 'tcp', host: '127.0.0.1', port: ports.slip.port }, language: 'escpos', media: '80mm', dpi: 203, offsetXmm: 0, offsetYmm: 0, darkness: 8, active: true },
  ];
  store.tx(() => {
    const existing = listProfiles(store, station);
    for (const w of wanted) {
      const found = existing.find((p) => p.name === w.name);
      if (found) updateProfile(store, found.id, { transport: w.transport }, now);
      else createProfile(store, station, w, now);
    }
  });
}
