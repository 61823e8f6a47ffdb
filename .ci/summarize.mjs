// Sums the results of every runner in the folder .ci/run filled and prints "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const expected = ['typecheck.json', 'build.json', 'unit.vitest.json', 'integration.vitest.json', 'e2e.playwright.json', 'bench.json'];
let passed = 0;
let failed = 0;
for (const name of expected) {
  if (!existsSync(join(dir, name))) {
    console.error(`no report from ${name.split('.')[0]}: counted as a failure`);
    failed += 1;
  }
}
for (const file of readdirSync(dir)) {
  if (!file.endsWith('.json')) continue;
  let data;
  try {
    data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch {
    failed += 1; // a runner that died before writing its report counts as a failure
    continue;
  }
  if (file.endsWith('.vitest.json')) {
    passed += data.numPassedTests ?? 0;
    failed += (data.numFailedTests ?? 0) + (data.numRuntimeErrorTestSuites ?? 0);
    if (data.success === false && !data.numFailedTests) failed += 1;
  } else if (file.endsWith('.playwright.json')) {
    passed += (data.stats?.expected ?? 0) + (data.stats?.flaky ?? 0);
    failed += data.stats?.unexpected ?? 0;
    failed += (data.errors ?? []).length;
  } else {
    passed += data.passed ?? 0;
    failed += data.failed ?? 0;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
