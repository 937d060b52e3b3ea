// Runs the unit and integration suites once per time zone. The app judges every date by the
// user's zone setting (China Standard Time by default), never by the computer's: a suite that
// passes in Shanghai but fails in UTC or at UTC+14 has found a place that reads the OS zone.
import { spawnSync } from 'node:child_process';

const zones = (process.env.TEST_ZONES ?? 'Asia/Shanghai,UTC,Pacific/Kiritimati').split(',').filter(Boolean);
const extra = process.argv.slice(2);
let status = 0;
for (const [i, zone] of zones.entries()) {
  const slug = zone.replace(/[^A-Za-z0-9]+/g, '-');
  // The crash and fuzz trials test the write path, not the calendar, and the street hub reads no
  // zone of the OS (its dates are judged in China Standard Time): once, in the first zone, is enough.
  const only = i === 0 ? [] : ['--exclude', 'tests/trials/**', '--exclude', 'tests/hub/**'];
  console.log(`\n== vitest, TZ=${zone}${only.length ? ' (without the trials and the hub)' : ''}`);
  const r = spawnSync('npx', ['vitest', 'run', '--outputFile.json', `test-results/vitest-${slug}.json`, ...only, ...extra], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
