import type { CarrierAccountConfig, CarrierConnector } from './carrier-connector.js';
import { createGhnConnector } from './ghn/connector.js';
import { createViettelPostConnector } from './viettelpost/connector.js';

export interface ConnectorHooks {
  /** Viettel Post's long-lived token after a (re-)login, to be kept with the account's secrets. */
  onTokenRefreshed?: (token: string) => void;
}

/** The connector for an account; replacing a simulated account with real credentials is a settings change, not a code path. */
export function carrierConnector(config: CarrierAccountConfig, hooks: ConnectorHooks = {}): CarrierConnector {
  return config.carrier === 'ghn' ? createGhnConnector(config) : createViettelPostConnector(config, { onTokenRefreshed: hooks.onTokenRefreshed });
}
