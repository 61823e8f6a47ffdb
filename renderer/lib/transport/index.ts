export { createBrowserBridge, installBrowserBridge } from './browser-bridge.js';
export type { BrowserBridge, BrowserBridgeOptions, SocketLike } from './browser-bridge.js';
export { CONNECTION_EVENT } from './types.js';
export type { CallResult, ConnectionPayload, PackdeskBridge } from './types.js';
