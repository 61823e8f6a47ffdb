import { join } from 'node:path';

export interface ShellPaths {
  renderer: string;
  preload: string;
  utilityEntry: string;
}

/** Where the build puts each piece, relative to `out/` (next to out/main in a package too). */
export function shellPaths(outDir: string): ShellPaths {
  return {
    renderer: join(outDir, 'renderer'),
    preload: join(outDir, 'preload', 'index.cjs'),
    utilityEntry: join(outDir, 'main', 'core', 'utility-entry.js'),
  };
}
