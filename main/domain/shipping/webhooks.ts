import { parseGhnWebhook } from '../../connectors/carriers/ghn/webhook.js';
import { parseVtpWebhook } from '../../connectors/carriers/viettelpost/webhook.js';
import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { isJobError } from '../../sync/job-error.js';
import { openSecrets } from '../connections/connection-service.js';
import { applyCarrierUpdates } from './carrier-updates.js';

export interface WebhookReply { status: number; body: string }

/**
 * A carrier's status callback, for setups that expose the web host to the carrier. Viettel Post signs
 * with the secret configured on the account (header and body TOKEN); a callback matching no account's
 * secret is refused and changes nothing.
 */
export function handleCarrierWebhook(store: Store, secrets: SecretBox, provider: 'viettelpost' | 'ghn', headers: Record<string, string | string[] | undefined>, body: unknown, now: number): WebhookReply {
  const accounts = store.prepare("SELECT id, secrets_sealed FROM connector_accounts WHERE provider = ? AND active = 1").all(provider) as { id: number; secrets_sealed: string }[];
  for (const a of accounts) {
    const secret = openSecrets(secrets, a.secrets_sealed).webhookSecret ?? '';
    if (!secret) continue;
    try {
      const updates = provider === 'viettelpost'
        ? parseVtpWebhook(body, headers, secret).updates
        : [parseGhnWebhook(body, { headers, expectedSecret: secret }).update].filter((u) => u !== null);
      const r = store.tx(() => applyCarrierUpdates(store, provider, updates, 'webhook', now));
      return { status: 200, body: JSON.stringify({ status: 200, error: false, message: 'OK', applied: r.applied }) };
    } catch (error) {
      if (isJobError(error) && error.kind === 'auth') continue;
      return { status: 400, body: JSON.stringify({ status: 400, error: true, message: (error as Error).message }) };
    }
  }
  return { status: 401, body: JSON.stringify({ status: 401, error: true, message: 'Unknown webhook secret' }) };
}
