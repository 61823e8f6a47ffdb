import type { CarrierConnector } from '../../connectors/carriers/carrier-connector.js';
import { carrierConnector } from '../../connectors/carriers/registry.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { carrierConfig, mergeSecrets } from './connection-service.js';

// Connectors hold session state (Viettel Post's login token), so one per account is kept and
// replaced when the account's settings change.
const cache = new WeakMap<Store, Map<number, { version: number; connector: CarrierConnector }>>();

export function carrierFor(store: Store, secrets: SecretBox, accountId: number): CarrierConnector {
  const version = (store.prepare('SELECT updated_at FROM connector_accounts WHERE id = ?').get(accountId) as { updated_at: number } | undefined)?.updated_at ?? 0;
  let byAccount = cache.get(store);
  if (!byAccount) cache.set(store, (byAccount = new Map()));
  const hit = byAccount.get(accountId);
  if (hit && hit.version === version) return hit.connector;
  const connector = carrierConnector(carrierConfig(store, secrets, accountId), {
    // Kept without touching updated_at: a new token is not a settings change and must not rebuild the connector.
    onTokenRefreshed: (token) => {
      const row = store.prepare('SELECT secrets_sealed FROM connector_accounts WHERE id = ?').get(accountId) as { secrets_sealed: string } | undefined;
      if (row) store.tx(() => store.prepare('UPDATE connector_accounts SET secrets_sealed = ? WHERE id = ?').run(mergeSecrets(secrets, row.secrets_sealed, { token }), accountId));
    },
  });
  byAccount.set(accountId, { version, connector });
  return connector;
}
