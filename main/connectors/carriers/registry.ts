import type { CarrierAccountConfig, CarrierConnector } from './carrier-connector.js';
import { createGhnConnector } from './ghn/connector.js';
import { createViettelPostConnector } from './viettelpost/connector.js';

/** The connector for an account; replacing a simulated account with real credentials is a settings change, not a code path. */
export function carrierConnector(config: CarrierAccountConfig): CarrierConnector {
  return config.carrier === 'ghn' ? createGhnConnector(config) : createViettelPostConnector(config);
}
