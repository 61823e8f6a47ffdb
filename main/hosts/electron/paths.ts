import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ShellPaths {
  renderer: string;
  preload: string;
  utilityEntry: string;
}

/**
 * The build folder, found from the shell's own module URL: compiled, it sits in
 * out/main/hosts/electron (also inside app.asar); run from source (tests, tsx) it sits in
 * main/hosts/electron and the build is beside it in out/.
 */
export function outDirFrom(moduleUrl: string): string {
  const up = fileURLToPath(new URL('../../../', moduleUrl));
  return basename(up) === 'out' ? up : join(up, 'out');
}

/** Where the build puts each piece under out/. */
export function shellPaths(outDir: string): ShellPaths {
  return {
    renderer: join(outDir, 'renderer'),
    preload: join(outDir, 'preload', 'index.cjs'),
    utilityEntry: join(outDir, 'main', 'core', 'utility-entry.js'),
  };
}
