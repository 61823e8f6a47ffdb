import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from '../../../core/core.js';
import { resolveListenOptions } from '../../web/listen-options.js';
import { startWebHost } from '../../web/web-host.js';
import { dataDirOf } from './shared.js';

export const RENDERER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'out', 'renderer');

export async function serveCommand(args: string[]): Promise<number> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.error('The user interface is not built yet: run "npm run build" first (npm start does it for you).');
    return 1;
  }
  const { port, host } = resolveListenOptions(args, process.env);
  const core = await startCore({ dataDir: dataDirOf(args) });
  const web = await startWebHost({ core, port, host, staticDir: RENDERER_DIR });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.close();
  await core.close();
  return 0;
}
