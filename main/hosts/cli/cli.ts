import { backupCommand, restoreCommand } from './commands/backup-restore.js';
import { callCommand } from './commands/call.js';
import { doctorCommand } from './commands/doctor.js';
import { migrateCommand } from './commands/migrate.js';
import { seedDemoCommand } from './commands/seed-demo.js';
import { serveCommand } from './commands/serve.js';
import { benchCommand } from './commands/bench.js';

type CommandFn = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: CommandFn; help: string }> = {
  serve: { run: serveCommand, help: 'serve [--port N] [--host H]      run the core and the browser UI' },
  migrate: { run: migrateCommand, help: 'migrate                          bring the data file to the latest schema' },
  'seed-demo': { run: seedDemoCommand, help: 'seed-demo                        fill an empty data folder with the demo shop' },
  backup: { run: backupCommand, help: 'backup [--out DIR]               online backup of the data file' },
  restore: { run: restoreCommand, help: 'restore FILE                     replace the data file with a checked backup' },
  doctor: { run: doctorCommand, help: 'doctor                           integrity, versions, data folder, disk space' },
  call: { run: callCommand, help: "call COMMAND 'JSON' [--operator ID --pin PIN]  run a contract command, print JSON" },
  bench: { run: benchCommand, help: 'bench [--quick]                  run the benchmarks, one JSON line per metric' },
};

export function usage(): string {
  return [
    'Usage: packdesk <command> [--data-dir DIR]',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.help}`),
    '',
    'The data folder is --data-dir, else PACKDESK_DATA_DIR, else the OS app-data folder "Packdesk".',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    return await cmd.run(args);
  } catch (error) {
    console.error(`packdesk ${name}: ${(error as Error).message}`);
    return 1;
  }
}
