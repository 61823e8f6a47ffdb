import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { startWebHost } from '../fixtures/web-host-process.js';


export interface RunningApp {
  url: string;
  dataDir: string;
}

/** Starts `packdesk serve` on a free port with an empty data folder and waits for its link. */
async function startHost(): Promise<{ app: RunningApp; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'packdesk-e2e-'));
  const { url, child } = await startWebHost(dataDir);
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
