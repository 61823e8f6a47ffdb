import { flag } from './shared.js';

export async function benchCommand(args: string[]): Promise<number> {
  const { runBenchmarks } = await import('../../../../tests/bench/run-benchmarks.js');
  await runBenchmarks({ quick: args.includes('--quick'), only: flag(args, 'only') });
  return 0;
}
