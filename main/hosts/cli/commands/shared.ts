import { resolveDataDir } from '../../../core/data-dir.js';

export const dataDirOf = (args: string[]) => resolveDataDir(args, process.env);

/** Positional arguments: everything that is not a `--flag value` pair. */
export function positionals(args: string[], flagsWithValue = ['--data-dir', '--port', '--host', '--operator', '--pin', '--out']): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (flagsWithValue.includes(args[i])) i++;
    else if (!args[i].startsWith('--')) out.push(args[i]);
  }
  return out;
}

export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}
