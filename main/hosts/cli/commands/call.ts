import { startCore } from '../../../core/core.js';
import { dataDirOf, flag, positionals } from './shared.js';

/**
 * Runs one contract command headless. Commands that need an operator sign in first with
 * --operator/--pin (or PACKDESK_OPERATOR/PACKDESK_PIN), exactly as a station would.
 */
export async function callCommand(args: string[]): Promise<number> {
  const [name, json] = positionals(args);
  if (!name) {
    console.error("Usage: packdesk call COMMAND 'JSON' [--operator ID --pin PIN]");
    return 2;
  }
  let input: unknown = {};
  try {
    input = json ? JSON.parse(json) : {};
  } catch (error) {
    console.error(`The input is not JSON: ${(error as Error).message}`);
    return 2;
  }
  const core = await startCore({ dataDir: dataDirOf(args), autoBackup: false });
  try {
    const session = core.openSession();
    const operator = flag(args, 'operator') ?? process.env.PACKDESK_OPERATOR;
    const pin = flag(args, 'pin') ?? process.env.PACKDESK_PIN;
    if (operator && pin) {
      const signIn = await session.call('session.signIn', { operatorId: Number(operator), pin });
      if (!signIn.ok) {
        console.log(JSON.stringify(signIn));
        return 1;
      }
    }
    const result = await session.call(name, input);
    console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  } finally {
    await core.close();
  }
}
