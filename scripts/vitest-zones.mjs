// Runs the unit and integration suites once per time zone. The app judges every date by the
// user's zone setting (China Standard Time by default), never by the computer's: a suite that
// passes in Shanghai but fails in UTC or at UTC+14 has found a place that reads the OS zone.
import { spawnSync } from 'node:child_process';

const zones = (process.env.TEST_ZONES ?? 'Asia/Shanghai,UTC,Pacific/Kiritimati').split(',').filter(Boolean);
const extra = process.argv.slice(2);
let status = 0;
for (const zone of zones) {
  const slug = zone.replace(/[^A-Za-z0-9]+/g, '-');
  console.log(`\n== vitest, TZ=${zone}`);
  const r = spawnSync('npx', ['vitest', 'run', '--outputFile.json', `test-results/vitest-${slug}.json`, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
