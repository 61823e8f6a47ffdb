import type { SecretBox } from '../../core/secret-box.js';
import type { Store } from '../../store/store.js';
import { DEMO_GHN_SHOP_ID, DEMO_GHN_TOKEN, DEMO_VTP_PASSWORD, DEMO_VTP_USERNAME, DEMO_VTP_WEBHOOK_SECRET } from '../../simulators/demo-accounts.js';
import type { RedirectParams } from '../../connectors/marketplaces/shopee/shopee-redirect.js';
import { DEMO_SHOPEE_PARTNER, DEMO_SHOPEE_SHOP_IDS } from '../../simulators/shopee/demo-defaults.js';
import { mergeSecrets } from '../connections/connection-service.js';
import { exchange } from '../marketplaces/shopee/shopee-connect.js';

/**
 * The demo shop's carrier accounts, pointed at this launch's simulators (their ports change each
 * start). They are ordinary accounts: replacing them with real credentials is a settings change.
 */
export function upsertDemoConnections(store: Store, secrets: SecretBox, urls: { ghnUrl: string; vtpUrl: string }, now: number): void {
  const accounts: { provider: string; name: string; baseUrl: string; settings: Record<string, unknown>; secrets: Record<string, string> }[] = [
    { provider: 'ghn', name: 'GHN (demo)', baseUrl: urls.ghnUrl, settings: { shopId: DEMO_GHN_SHOP_ID }, secrets: { token: DEMO_GHN_TOKEN } },
    { provider: 'viettelpost', name: 'Viettel Post (demo)', baseUrl: urls.vtpUrl, settings: { username: DEMO_VTP_USERNAME }, secrets: { password: DEMO_VTP_PASSWORD, webhookSecret: DEMO_VTP_WEBHOOK_SECRET } },
  ];
  store.tx(() => {
    for (const a of accounts) {
      const row = store.prepare("SELECT id FROM connector_accounts WHERE provider = ? AND name = ? AND environment = 'custom'").get(a.provider, a.name) as { id: number } | undefined;
      if (row) {
        store.prepare('UPDATE connector_accounts SET base_url = ?, updated_at = ? WHERE id = ?').run(a.baseUrl, now, row.id);
      } else {
        store
          .prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, rate_per_minute, concurrency, active, created_at, updated_at)
            VALUES (?, ?, 'custom', ?, ?, ?, 300, 4, 1, ?, ?)`)
          .run(a.provider, a.name, a.baseUrl, JSON.stringify(a.settings), mergeSecrets(secrets, '', a.secrets), now, now);
      }
    }
  });
}

/**
 * The demo's Shopee account, pointed at this launch's simulator and connected to the demo shop the way a
 * seller connects one: an authorization code (what the approval page hands out) exchanged for tokens by
 * the real client. The simulator forgets its tokens when it stops, so every launch connects again.
 */
export async function connectDemoShopee(store: Store, secrets: SecretBox, shopee: { shopeeUrl: string; shopeeAuthCode(shopId: number): string }, now: () => number): Promise<void> {
  const name = 'Shopee (demo)';
  let accountId = (store.prepare("SELECT id FROM connector_accounts WHERE provider = 'shopee' AND name = ? AND environment = 'custom'").get(name) as { id: number } | undefined)?.id;
  store.tx(() => {
    if (accountId) {
      store.prepare('UPDATE connector_accounts SET base_url = ?, updated_at = ? WHERE id = ?').run(shopee.shopeeUrl, now(), accountId);
    } else {
      accountId = Number(store
        .prepare(`INSERT INTO connector_accounts (provider, name, environment, base_url, settings_json, secrets_sealed, rate_per_minute, concurrency, active, created_at, updated_at)
          VALUES ('shopee', ?, 'custom', ?, ?, ?, 300, 2, 1, ?, ?)`)
        .run(name, shopee.shopeeUrl, JSON.stringify({ partnerId: String(DEMO_SHOPEE_PARTNER.partnerId) }), mergeSecrets(secrets, '', { partnerKey: DEMO_SHOPEE_PARTNER.partnerKey }), now(), now())
        .lastInsertRowid);
    }
  });
  const shopId = DEMO_SHOPEE_SHOP_IDS.main;
  await exchange({ store, secrets, now }, accountId!, { code: shopee.shopeeAuthCode(shopId), shopId: String(shopId), mainAccountId: '', state: '' } as RedirectParams);
}
