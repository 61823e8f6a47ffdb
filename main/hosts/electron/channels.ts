// IPC channel names shared by the main process and the preload. Only these two exist.
export const CALL_CHANNEL = 'packdesk:call';
export const EVENT_CHANNEL = 'packdesk:event';
