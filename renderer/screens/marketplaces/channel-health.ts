import type { ShopeeStatus } from '../../../main/api/marketplaces.js';

export type ChannelHealth = 'connected' | 'needsReconnect' | 'notConnected' | 'settings';

/** What the Channels list shows for an account: missing settings first, then a dead authorization. */
export function channelHealth(a: Pick<ShopeeStatus, 'settingsIssue' | 'needsReconnect' | 'connected'>): ChannelHealth {
  if (a.settingsIssue) return 'settings';
  if (a.needsReconnect) return 'needsReconnect';
  return a.connected ? 'connected' : 'notConnected';
}

export const HEALTH_TONE = { connected: 'ok', needsReconnect: 'danger', notConnected: 'warn', settings: 'warn' } as const;
