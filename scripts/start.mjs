#!/usr/bin/env node
// `npm start`: build what is stale, then run the Electron shell, or, where Electron cannot run
// (no binary, no display), the same renderer in the browser through the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const require = createRequire(import.meta.url);
const FETCH_TIMEOUT_MS = 30_000;

/** Newest modification time under the given files or folders (0 when none exist). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const p of paths) visit(join(root, p));
  return newest;
}

const outputs = {
  renderer: { file: 'out/renderer/index.html', sources: ['renderer', 'main/api', 'main/core/protocol.ts'] },
  main: { file: 'out/main/hosts/electron/main.js', sources: ['main'] },
  preload: { file: 'out/preload/index.cjs', sources: ['preload', 'main/api', 'main/hosts/electron/channels.ts', 'renderer/lib/transport/types.ts'] },
};

function isStale({ file, sources }) {
  const target = join(root, file);
  return !existsSync(target) || statSync(target).mtimeMs < newestMtime(sources);
}

function ensureBuilt(needed) {
  const stale = needed.filter((k) => isStale(outputs[k]));
  if (stale.length === 0) return;
  process.stderr.write(`Building (${stale.join(', ')} out of date)…\n`);
  // Build output goes to stderr so stdout carries only the lines launchers parse.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status === 0) return;
  const missing = needed.filter((k) => !existsSync(join(root, outputs[k].file)));
  if (missing.length > 0) {
    process.stderr.write(`The build failed and ${missing.join(', ')} was never built; see the errors above.\n`);
    process.exit(1);
  }
  process.stderr.write('The build failed; starting with the previous build.\n');
}

/** The Electron binary's path, or why there is none. `require('electron')` throws if never installed. */
function findElectron() {
  try {
    delete require.cache[require.resolve('electron')];
    const path = require('electron');
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: 'its binary is missing' };
  } catch (err) {
    return { reason: /failed to install/i.test(String(err?.message)) ? 'its binary was never downloaded' : String(err?.message ?? err).split('\n')[0] };
  }
}

function electronOrReason() {
  if (argv.includes('--browser')) return { reason: '--browser was given' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no graphical display' };
  const found = findElectron();
  if (found.path) return found;
  // One attempt at the download npm skipped; machines without internet fail in well under a second.
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return found;
  const r = spawnSync(process.execPath, [installer], { cwd: root, timeout: FETCH_TIMEOUT_MS, encoding: 'utf8' });
  const again = findElectron();
  if (again.path) return again;
  const why = r.error?.code === 'ETIMEDOUT' ? 'timed out' : (/\b(E[A-Z]{3,}|HTTPError[^\n]*)/.exec(r.stderr ?? '')?.[0] ?? 'failed');
  return { reason: `${found.reason}; download ${why}` };
}

function runElectron(electronPath) {
  ensureBuilt(['renderer', 'main', 'preload']);
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, [root, ...argv], { cwd: root, stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function openInBrowser(url) {
  if (argv.includes('--no-open') || process.env.CI) return;
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open is fine: the URL is printed.
  }
}

async function runBrowserMode(reason) {
  console.log(`Electron is not available on this machine (${reason}); opening browser mode.`);
  ensureBuilt(['renderer']);
  // The sources run through tsx, as the CLI does, so browser mode never runs a stale main build.
  const { tsImport } = await import('tsx/esm/api');
  const load = (p) => tsImport(pathToFileURL(join(root, p)).href, import.meta.url);
  const { startCore } = await load('main/core/core.ts');
  const { resolveDataDir } = await load('main/core/data-dir.ts');
  const { resolveListenOptions } = await load('main/hosts/web/listen-options.ts');
  const { startWebHost } = await load('main/hosts/web/web-host.ts');

  const { port, host } = resolveListenOptions(argv, process.env);
  const core = await startCore({ dataDir: resolveDataDir(argv, process.env) });
  const web = await startWebHost({ core, port, host, staticDir: join(root, 'out', 'renderer') });
  openInBrowser(web.url);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await web.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const electron = electronOrReason();
if (electron.path) runElectron(electron.path);
else
  await runBrowserMode(electron.reason).catch((err) => {
    process.stderr.write(`Packdesk could not start: ${err?.stack ?? err}\n`);
    process.exit(1);
  });
