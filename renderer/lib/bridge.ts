import type { PackdeskBridge } from './transport/index.js';

export type { PackdeskBridge };

// Read lazily: in browser mode the transport installs the bridge just before the first render. The
// optional cast is for the error below (the global typing says it is always there).
export function bridge(): PackdeskBridge {
  const b = (globalThis as { packdesk?: PackdeskBridge }).packdesk;
  if (!b) throw new Error('window.packdesk is missing: the preload or the browser transport did not run');
  return b;
}

export function hasBridge(): boolean {
  return Boolean((globalThis as { packdesk?: PackdeskBridge }).packdesk);
}
