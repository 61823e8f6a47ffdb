export interface ListenOptions {
  port: number;
  host: string;
}

export const DEFAULT_HOST = '127.0.0.1';

/** Reads `--name value` or `--name=value`; the last occurrence wins, as with most CLIs. */
export function readFlag(argv: readonly string[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        found = next;
        i++;
      }
    } else if (arg.startsWith(`--${name}=`)) {
      found = arg.slice(name.length + 3);
    }
  }
  return found;
}

export function parsePort(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value.trim())) throw new Error(`${source}: "${value}" is not a port number`);
  const port = Number(value);
  if (port > 65535) throw new Error(`${source}: ${port} is not a port number (0-65535)`);
  return port;
}

/** `--port` beats `PACKDESK_PORT`; port 0 asks the OS for any free port. */
export function resolveListenOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ListenOptions {
  const flagPort = readFlag(argv, 'port');
  const envPort = env.PACKDESK_PORT;
  let port = 0;
  if (flagPort !== undefined) port = parsePort(flagPort, '--port');
  else if (envPort !== undefined && envPort !== '') port = parsePort(envPort, 'PACKDESK_PORT');
  const host = readFlag(argv, 'host')?.trim() || DEFAULT_HOST;
  return { port, host };
}
