import { describe, expect, it } from 'vitest';
import { channelHealth } from '../../../renderer/screens/marketplaces/channel-health.js';

describe('Channels: account health', () => {
  it('shows missing settings, then a dead authorization, then connected / not connected', () => {
    expect(channelHealth({ settingsIssue: 'partner_key_missing', needsReconnect: true, connected: true })).toBe('settings');
    expect(channelHealth({ settingsIssue: null, needsReconnect: true, connected: true })).toBe('needsReconnect');
    expect(channelHealth({ settingsIssue: null, needsReconnect: false, connected: true })).toBe('connected');
    expect(channelHealth({ settingsIssue: null, needsReconnect: false, connected: false })).toBe('notConnected');
  });
});
