// Credentials the demo shop is wired with. They only open the loopback simulators; they are
// constants on purpose (the demo must work offline on a fresh install) and are not secrets.

export const DEMO_GHN_TOKEN = 'a0d1e5c4-5b6f-11f0-9d4e-packdesk-demo';
export const DEMO_GHN_SHOP_ID = 4_987_123;

export const DEMO_VTP_USERNAME = '0901234567';
export const DEMO_VTP_PASSWORD = 'packdesk-demo-vtp';

/** Shared secret the Viettel Post simulator sends in `Authorization` and `TOKEN` with each webhook. */
export const DEMO_VTP_WEBHOOK_SECRET = 'packdesk-demo-vtp-webhook-secret';
