import type { CarrierAccountConfig, CarrierConnector } from './carrier-connector.js';
import { createGhnConnector } from './ghn/connector.js';
import { createViettelPostConnector } from './viettelpost/connector.js';

export interface ConnectorHooks {
  /** Viettel Post's long-lived token after a (re-)login, to be kept with the account's secrets. */
  onTokenRefreshed?: (token: string) => void;
}

// Test-only: fault-injection tests make the simulators hold requests, and waiting out the clients'
// real 20 s timeout each time would make them slow. Undefined keeps each client's own default.
let timeoutOverrideMs: number | undefined;

/** Sets (or with undefined, clears) the HTTP timeout of connectors created from now on. For tests only. */
export function setCarrierTimeoutForTests(ms: number | undefined): void {
  timeoutOverrideMs = ms;
}

/** The connector for an account; replacing a simulated account with real credentials is a settings change, not a code path. */
export function carrierConnector(config: CarrierAccountConfig, hooks: ConnectorHooks = {}): CarrierConnector {
  const timeoutMs = timeoutOverrideMs;
  return config.carrier === 'ghn'
    ? createGhnConnector(config, { timeoutMs })
    : createViettelPostConnector(config, { onTokenRefreshed: hooks.onTokenRefreshed, timeoutMs });
}
