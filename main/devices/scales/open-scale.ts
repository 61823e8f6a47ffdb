// A station's scale settings → a ScalePort over the right transport. Settings are checked here, before
// anything opens, so a bad pattern or device id is a clear error and never a half-open device.
import { isDymo, createHidTransport } from './hid-transport.js';
import { createProtocol, type ProtocolId } from './protocols.js';
import { createScaleDriver } from './scale-driver.js';
import { ScaleError, type ScalePort } from './scale-port.js';
import { createSerialTransport } from './serial-transport.js';
import { createSimulatedScale, type SimulatedScale, type SimulatedScaleOptions } from './simulated-scale.js';

/** The fields of the station's scale config (main/api/stations.ts `scaleConfig`) the devices need. */
export interface ScaleSetup {
  /** `hid` = a USB HID-POS scale, driven by the core through node-hid (see the note in domain/scales). */
  transport: 'none' | 'hid' | 'serial' | 'simulated';
  protocol: ProtocolId;
  device: string;
  baudRate: number;
  linePattern: string;
}

export interface OpenedScale {
  port: ScalePort;
  /** Set for the simulated transport, so the demo and tests can put things on it. */
  simulator: SimulatedScale | null;
}

export function createStationScale(setup: ScaleSetup, simulated: Partial<SimulatedScaleOptions> = {}): OpenedScale | null {
  if (setup.transport === 'none') return null;
  if (setup.transport === 'simulated') {
    const simulator = createSimulatedScale({ protocol: setup.protocol, ...simulated });
    return { port: createScaleDriver({ transport: simulator.transport, protocol: protocolOf(setup, false) }), simulator };
  }
  if (setup.transport === 'hid') {
    if (setup.protocol !== 'hid_pos') throw new ScaleError('SCALE_CONFIG_INVALID', 'a USB HID scale speaks the HID-POS protocol');
    const transport = createHidTransport(setup.device);
    const protocol = protocolOf(setup, () => transport.vendorId !== null && isDymo(transport.vendorId));
    return { port: createScaleDriver({ transport, protocol }), simulator: null };
  }
  if (setup.protocol === 'hid_pos') throw new ScaleError('SCALE_CONFIG_INVALID', 'HID-POS is a USB HID protocol, not a serial one');
  const transport = createSerialTransport({ path: setup.device, baudRate: setup.baudRate });
  return { port: createScaleDriver({ transport, protocol: protocolOf(setup, false) }), simulator: null };
}

function protocolOf(setup: ScaleSetup, dymo: boolean | (() => boolean)) {
  const p = createProtocol(setup.protocol, { linePattern: setup.linePattern, dymo });
  if (typeof p === 'string') {
    throw new ScaleError('SCALE_CONFIG_INVALID', p === 'PATTERN_INVALID' ? 'the line pattern is not a valid regular expression' : 'the line pattern needs a (?<weight>…) group');
  }
  return p;
}
