// USB HID-POS scales through `node-hid`, loaded on first use (see serial-transport.ts). Each input
// report is delivered as one chunk with its report id first, as the HID-POS decoder expects.
import { DYMO_VENDOR_ID, HID_POS_USAGE_PAGE, parseHidFilter } from './hid-pos.js';
import { ScaleError, type ByteTransport } from './scale-port.js';

type HidModule = typeof import('node-hid');

async function loadHid(): Promise<HidModule> {
  try {
    const m = (await import('node-hid')) as HidModule & { default?: HidModule };
    return m.default ?? m;
  } catch (e) {
    throw new ScaleError('SCALE_DRIVER_MISSING', 'the USB HID driver is not installed in this build', e);
  }
}

export interface HidScaleInfo {
  path: string;
  vendorId: number;
  productId: number;
  label: string;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** HID devices that declare the weighing usage page, narrowed by the station's "vvvv:pppp" filter. */
export async function listHidScales(filter = ''): Promise<HidScaleInfo[]> {
  const f = parseHidFilter(filter);
  if (!f) return [];
  let devices: Awaited<ReturnType<HidModule['devicesAsync']>>;
  try {
    devices = await (await loadHid()).devicesAsync();
  } catch {
    return [];
  }
  return devices
    .filter((d) => d.path && (f.vendorId !== undefined ? d.vendorId === f.vendorId && (f.productId === undefined || d.productId === f.productId) : d.usagePage === HID_POS_USAGE_PAGE))
    .map((d) => ({
      path: d.path!,
      vendorId: d.vendorId,
      productId: d.productId,
      label: `${[d.manufacturer, d.product].filter(Boolean).join(' ') || 'HID scale'} (${hex4(d.vendorId)}:${hex4(d.productId)})`,
    }));
}

export const isDymo = (vendorId: number) => vendorId === DYMO_VENDOR_ID;

export function createHidTransport(filter: string): ByteTransport & { readonly vendorId: number | null } {
  let device: Awaited<ReturnType<HidModule['HIDAsync']['open']>> | null = null;
  let vendorId: number | null = null;
  return {
    get vendorId() {
      return vendorId;
    },
    async open(events) {
      if (!parseHidFilter(filter)) throw new ScaleError('SCALE_CONFIG_INVALID', `"${filter}" is not a USB id such as 0922:8003`);
      const hid = await loadHid();
      // Paths go stale after sleep or replugging (specs/hardware.md §4.1): enumerate on every open.
      const [found] = await listHidScales(filter);
      if (!found) throw new ScaleError('SCALE_NOT_FOUND', 'no USB scale found — plug it in and switch it on');
      try {
        device = await hid.HIDAsync.open(found.path);
      } catch (e) {
        const text = e instanceof Error ? e.message : String(e);
        throw new ScaleError('SCALE_ACCESS_DENIED', `cannot open ${found.label}: ${text} (Linux needs a udev rule for the scale)`, e);
      }
      vendorId = found.vendorId;
      const d = device;
      d.on('data', (report: Buffer) => events.data(new Uint8Array(report)));
      d.on('error', (err: unknown) => {
        if (device !== d) return;
        device = null;
        void d.close().catch(() => undefined);
        events.closed(new ScaleError('SCALE_DISCONNECTED', 'the USB scale was disconnected', err));
      });
    },
    async write(bytes) {
      if (!device) throw new ScaleError('SCALE_DISCONNECTED', 'the scale is not connected');
      await device.write([...bytes]);
    },
    async close() {
      const d = device;
      device = null;
      await d?.close().catch(() => undefined);
    },
  };
}
