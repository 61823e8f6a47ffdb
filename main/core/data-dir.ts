import { homedir } from 'node:os';
import { join } from 'node:path';

/** `--data-dir`, then PACKDESK_DATA_DIR, then the OS app-data folder (the same one Electron's userData uses). */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv, platform = process.platform): string {
  const i = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (i >= 0) {
    const value = argv[i].includes('=') ? argv[i].slice('--data-dir='.length) : argv[i + 1];
    if (value) return value;
  }
  if (env.PACKDESK_DATA_DIR) return env.PACKDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Packdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Packdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Packdesk');
}
