import { fail } from '../../api/errors.js';
import { DEFAULT_LABEL_SIZE, LABEL_SIZES, type Connection, type LabelSize } from '../../api/connections.js';
import type { CarrierAccountConfig } from '../../connectors/carriers/carrier-connector.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';

export interface AccountRow {
  id: number; provider: Connection['provider']; name: string; environment: Connection['environment']; base_url: string;
  settings_json: string; secrets_sealed: string; rate_per_minute: number; concurrency: number; active: number;
  last_ok_at: number | null; last_error: string | null;
}

export function readAccount(store: Store, id: number): AccountRow {
  return (store.prepare('SELECT * FROM connector_accounts WHERE id = ?').get(id) as AccountRow | undefined) ?? fail('NOT_FOUND', 'Connection not found', { entity: 'connection', id });
}

export function openSecrets(box: SecretBox, sealed: string): Record<string, string> {
  return sealed ? (JSON.parse(box.open(sealed)) as Record<string, string>) : {};
}

export function toConnection(box: SecretBox, r: AccountRow): Connection {
  return {
    id: r.id, provider: r.provider, name: r.name, environment: r.environment, baseUrl: r.base_url,
    settings: JSON.parse(r.settings_json), secretsSet: Object.keys(openSecrets(box, r.secrets_sealed)).sort(),
    ratePerMinute: r.rate_per_minute, concurrency: r.concurrency, active: r.active === 1, lastOkAt: r.last_ok_at, lastError: r.last_error,
  };
}

/** Merges secret changes: given keys replace, empty strings remove, others stay. */
export function mergeSecrets(box: SecretBox, sealed: string, changes: Record<string, string> | undefined): string {
  if (!changes) return sealed;
  const next = { ...openSecrets(box, sealed) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === '') delete next[k];
    else next[k] = v;
  }
  return Object.keys(next).length ? box.seal(JSON.stringify(next)) : '';
}

/** The decrypted configuration a connector is built from; only ever inside the core. */
export function carrierConfig(store: Store, box: SecretBox, accountId: number): CarrierAccountConfig {
  const r = readAccount(store, accountId);
  if (r.provider !== 'ghn' && r.provider !== 'viettelpost') fail('CONFLICT', `${r.name} is not a carrier account`, { reason: 'not_carrier' });
  return {
    id: r.id, carrier: r.provider as CarrierAccountConfig['carrier'], environment: r.environment, baseUrl: r.base_url,
    settings: JSON.parse(r.settings_json), secrets: openSecrets(box, r.secrets_sealed),
  };
}

export function rateLimits(store: Store, accountId: number): { perMinute: number; concurrency: number } {
  const r = store.prepare('SELECT rate_per_minute, concurrency FROM connector_accounts WHERE id = ?').get(accountId) as { rate_per_minute: number; concurrency: number } | undefined;
  return r ? { perMinute: r.rate_per_minute, concurrency: r.concurrency } : { perMinute: 600, concurrency: 4 };
}

/** The carrier label size the account prints: its setting when the carrier offers it, else the carrier's default. */
export function labelSizeOf(r: Pick<AccountRow, 'provider' | 'settings_json'>): LabelSize {
  const size = (JSON.parse(r.settings_json) as Record<string, unknown>).labelSize;
  return (LABEL_SIZES[r.provider] as readonly unknown[]).includes(size) ? (size as LabelSize) : DEFAULT_LABEL_SIZE[r.provider];
}
