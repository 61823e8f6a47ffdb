import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
const READY = /Packdesk is ready at (http:\/\/127\.0\.0\.1:\d+\/\?t=\S+)/;

export interface RunningApp {
  url: string;
  dataDir: string;
}

/** Starts `packdesk serve` on a free port with an empty data folder and waits for its link. */
async function startHost(): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'packdesk-e2e-'));
  const child = spawn(process.execPath, ['main/hosts/cli/bin.mjs', 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`web host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = READY.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { app: { url, dataDir }, child };
}

export const test = base.extend<{ app: RunningApp; appPage: Page }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const { app, child } = await startHost();
    await use(app);
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(app.dataDir, { recursive: true, force: true });
  },
  appPage: async ({ page, app }, use) => {
    await page.goto(app.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';
