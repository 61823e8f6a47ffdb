import { JobError } from '../../../sync/job-error.js';

// Spec §1.1. Production for Vietnam is the SG-hosted host; the sandbox is the current "Sandbox V2" host
// (the older partner.test-stable host is still printed in reference `test_url`: a custom base URL reaches it).
export const SHOPEE_HOSTS = {
  production: 'https://partner.shopeemobile.com',
  sandbox: 'https://openplatform.sandbox.test-stable.shopee.sg',
} as const;

export type ShopeeEnvironment = 'production' | 'sandbox' | 'custom';

/** The host root every `/api/v2/...` path hangs off. A custom URL may be given with or without `/api/v2`. */
export function shopeeHost(environment: ShopeeEnvironment, baseUrl: string): string {
  const raw = environment === 'custom' ? baseUrl.trim() : SHOPEE_HOSTS[environment];
  if (!raw) {
    throw new JobError('permanent', 'BASE_URL_MISSING', 'The Shopee account is set to a custom host but has no base URL', {
      hint: 'Enter the base URL in Settings → Connections, or choose production / sandbox.',
    });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new JobError('permanent', 'BASE_URL_INVALID', `The Shopee base URL "${raw}" is not a URL`);
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
  return `${url.origin}${path}`;
}
