import type { CallResult } from '../../../main/core/protocol.js';

export type { CallResult };

/**
 * The one object the renderer talks to the core through: put on `window` by the Electron preload
 * (over IPC) or by `installBrowserBridge()` (over the web host's WebSocket). Both must `satisfies`
 * this, so the two transports cannot drift apart.
 */
export interface PackdeskBridge {
  call(command: string, input: unknown): Promise<CallResult>;
  /** Returns the unsubscribe. Besides core events there is the `connection` pseudo-event. */
  on(event: string, listener: (payload: unknown) => void): () => void;
  readonly mode: 'electron' | 'browser';
}

/**
 * Payload of the `connection` pseudo-event. After `connected: true` that follows a `false`, the
 * core session is a new one: whoever was signed in must sign in again.
 */
export interface ConnectionPayload {
  connected: boolean;
}

export const CONNECTION_EVENT = 'connection';

declare global {
  interface Window {
    packdesk: PackdeskBridge;
  }
}
