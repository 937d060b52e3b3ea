// The full-size crash trials and fuzz pass (issue 14 item 9); the default suite runs small ones.
// CRASH_TRIALS and FUZZ_SECONDS override the sizes here too; CRASH_SEED / FUZZ_SEED replay a run.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, CRASH_TRIALS: process.env.CRASH_TRIALS ?? '100', FUZZ_SECONDS: process.env.FUZZ_SECONDS ?? '300' };
console.log(`crash trials: ${env.CRASH_TRIALS} kills; fuzz pass: ${env.FUZZ_SECONDS} s`);
const r = spawnSync('npx', ['vitest', 'run', 'tests/trials', '--outputFile.json', 'test-results/vitest-trials.json', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
