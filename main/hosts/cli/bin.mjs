#!/usr/bin/env node
// The `packdesk` command. TypeScript sources run through tsx, so the CLI never depends on a stale build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
