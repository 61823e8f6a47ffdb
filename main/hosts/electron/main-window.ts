import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './url-policy.js';
import { mainWindowWebPreferences } from './web-preferences.js';

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  /** Runs once the first frame is painted and the window is visible. */
  onShown?: () => void;
  log: (line: string) => void;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show so a packer never sees a white flash or a half-drawn screen.
    show: false,
    title: 'Packdesk',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: mainWindowWebPreferences(opts.preloadPath, { devTools: opts.devTools }),
  });
  win.once('ready-to-show', () => {
    win.show();
    opts.onShown?.();
  });
  // A renderer that crashes on every load would otherwise spin forever; three tries is plenty for
  // the out-of-memory or GPU hiccups this is meant for.
  let reloads = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    opts.log(`renderer gone (${details.reason})`);
    if (details.reason === 'clean-exit' || win.isDestroyed() || reloads >= 3) return;
    reloads++;
    win.webContents.reload();
  });
  win.loadURL(APP_ENTRY_URL).catch((err: Error) => opts.log(`could not load ${APP_ENTRY_URL}: ${err.message}`));
  return win;
}
