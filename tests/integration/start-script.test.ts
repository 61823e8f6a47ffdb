import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

// `npm start` as a launcher sees it: in browser mode stdout carries exactly the Electron notice and
// the ready line, the host answers, and a SIGTERM closes the core cleanly.
describe('scripts/start.mjs in browser mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'packdesk-start-'));
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the notice and the ready line, serves, and stops on SIGTERM', async () => {
    child = spawn(process.execPath, ['scripts/start.mjs', '--browser', '--no-open', '--port', '0', '--data-dir', dataDir], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PACKDESK_PORT: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const ready = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on('data', (d) => {
        stdout += d;
        const m = /Packdesk is ready at (\S+)/.exec(stdout);
        if (m) resolve(m[1]);
      });
      child!.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual([
      'Electron is not available on this machine (--browser was given); opening browser mode.',
      `Packdesk is ready at ${ready}`,
    ]);
    const url = new URL(ready);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('t')).toMatch(/^[\w-]{40,}$/);

    const health = await fetch(new URL('/healthz', url));
    expect(await health.text()).toBe('ok');

    const exit = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    child = null;
  }, 180_000);
});
