import { startCore } from '../../../core/core.js';
import { dataDirOf } from './shared.js';

export async function seedDemoCommand(args: string[]): Promise<number> {
  const core = await startCore({ dataDir: dataDirOf(args), autoBackup: false });
  try {
    const result = await core.openSession().call('session.startDemo', {});
    if (!result.ok) {
      console.error(`Cannot seed the demo shop: ${result.error.message}`);
      return 1;
    }
    console.log(JSON.stringify(result.value));
    return 0;
  } finally {
    await core.close();
  }
}
