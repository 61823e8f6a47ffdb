import type { ComponentType } from 'react';
import type { Station } from '../../../main/api/stations.js';
import { GeneralTab } from './general-tab.js';
import { ScannerTab } from './scanner-tab.js';
import { PrintersTab } from '../printing/printers-tab.js';
import { ScaleTab } from './scale-tab.js';

// The tabs of the station screen (/station?tab=<key>), in display order. Each device area owns
// one entry: the printing engineer adds { key: 'printer', label: 'station:tabs.printer', ... }
// ("Máy in") and the scales engineer { key: 'scale', label: 'station:tabs.scale', ... } ("Cân")
// — one line here plus the label in locales/{vi,en}/station.json, nothing else in this folder.

export interface StationTabProps {
  station: Station;
  /** Managers edit; packers see the same settings read-only. */
  canEdit: boolean;
}

export interface StationTab {
  key: string;
  /** i18n key of the tab's label, with its namespace. */
  label: string;
  component: ComponentType<StationTabProps>;
}

export const STATION_TABS: StationTab[] = [
  { key: 'general', label: 'station:tabs.general', component: GeneralTab },
  { key: 'scanner', label: 'station:tabs.scanner', component: ScannerTab },
  { key: 'printer', label: 'station:tabs.printer', component: PrintersTab },
  { key: 'scale', label: 'station:tabs.scale', component: ScaleTab },
];
