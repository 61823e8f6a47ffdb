import { create } from 'zustand';
import { bridge } from '../lib/bridge.js';

interface ConnectionStore {
  /** The link to the core: always true in Electron, follows the WebSocket in browser mode. */
  core: boolean;
  /** The machine's own network, for the marketplaces and carriers. */
  network: boolean;
}

export const useConnection = create<ConnectionStore>(() => ({ core: true, network: navigator.onLine }));

/**
 * Follows both links. `onReconnect` runs when the core comes back after a drop: the web host then
 * holds a new session, so the app must re-read who is signed in.
 */
export function watchConnection(onReconnect: () => void): () => void {
  const onOnline = () => useConnection.setState({ network: true });
  const onOffline = () => useConnection.setState({ network: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  // The browser transport emits a pseudo-event with the socket state; Electron never does.
  const off = bridge().on('connection', (payload) => {
    const connected = (payload as { connected?: unknown } | null)?.connected;
    if (typeof connected !== 'boolean') return;
    const wasDown = !useConnection.getState().core;
    useConnection.setState({ core: connected });
    if (connected && wasDown) onReconnect();
  });
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    off();
  };
}
