export interface UpdaterLike {
  checkForUpdatesAndNotify(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/**
 * Checks for an update in the background. Updates are a convenience: a shop with no internet, a
 * missing feed or a broken updater must never stop the app from starting, so nothing here throws.
 */
export async function checkForUpdatesInBackground(opts: {
  isPackaged: boolean;
  load: () => Promise<UpdaterLike>;
  log: (line: string) => void;
}): Promise<void> {
  if (!opts.isPackaged) return;
  try {
    const updater = await opts.load();
    updater.on('error', (err) => opts.log(`updater: ${err?.message ?? String(err)}`));
    await updater.checkForUpdatesAndNotify();
  } catch (err) {
    opts.log(`updater: ${(err as Error)?.message ?? String(err)}`);
  }
}

export async function loadElectronUpdater(): Promise<UpdaterLike> {
  // Loaded lazily so a problem inside electron-updater cannot break start-up; it is CommonJS,
  // hence the default export.
  const mod = await import('electron-updater');
  return mod.default.autoUpdater;
}
