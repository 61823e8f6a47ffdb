import {
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  session,
  utilityProcess,
  type BrowserWindow,
} from 'electron';
import { COMMAND_NAMES } from '../../api/index.js';
import { resolveDataDir } from '../../core/data-dir.js';
import { createAppProtocolHandler, APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import { EVENT_CHANNEL } from './channels.js';
import { CoreRelay } from './core-relay.js';
import { applySessionPolicy, hardenWebContents } from './hardening.js';
import { registerCallHandler } from './ipc-bridge.js';
import { createMainWindow } from './main-window.js';
import { answerOsPrint } from './os-printer.js';
import { outDirFrom, shellPaths } from './paths.js';
import { loadOrCreateSecretKey } from './secret-key.js';
import { checkForUpdatesInBackground, loadElectronUpdater } from './updater.js';
import { APP_SCHEME } from './url-policy.js';

// The Electron shell: windows, protocol, guards, keychain, updater. Every business decision lives
// in the core, which runs in a utility process so SQLite never blocks this loop or the UI.

const log = (line: string) => process.stderr.write(`[shell] ${line}\n`);
const paths = shellPaths(outDirFrom(import.meta.url));

let mainWindow: BrowserWindow | null = null;
let relay: CoreRelay | null = null;
let quitting = false;

function showWindow(): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow({
    preloadPath: paths.preload,
    devTools: !app.isPackaged,
    log,
    onShown: () => void checkForUpdatesInBackground({ isPackaged: app.isPackaged, load: loadElectronUpdater, log }),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

function sendToWindow(name: string, payload: unknown): void {
  const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env);
  applySessionPolicy(session.defaultSession, log);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));

  const secretKey = loadOrCreateSecretKey(dataDir, safeStorage, log);
  relay = new CoreRelay({
    fork: () => utilityProcess.fork(paths.utilityEntry, [], { serviceName: 'Packdesk core', stdio: 'inherit' }),
    init: { dataDir, secretKey },
    onEvent: sendToWindow,
    onOsPrint: (m) => answerOsPrint(m),
    log,
  });
  relay.start();
  registerCallHandler(ipcMain, relay, COMMAND_NAMES, log);
  showWindow();
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  log(`start-up failed: ${message}`);
  dialog.showErrorBox('Packdesk', `Packdesk không khởi động được. / Packdesk could not start.\n\n${message}`);
  app.exit(1);
}

// Must happen before 'ready': the scheme's privileges are fixed when the first session is made.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two shells on one data folder would mean two writers on one SQLite file.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && relay && !mainWindow) showWindow();
  });
  app.on('before-quit', (event) => {
    if (quitting || !relay) return;
    // Hold the quit until the core has finished running commands and closed the database.
    event.preventDefault();
    quitting = true;
    relay
      .stop()
      .catch((err: Error) => log(`stopping the core failed: ${err.message}`))
      .finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}
