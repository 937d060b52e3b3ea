// Adds up the JSON reports of vitest and Playwright into the one closing line CI reads.
import fs from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let skipped = 0;
const seen = [];

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// One report per time zone the suites ran in (scripts/vitest-zones.mjs).
const vitestReports = fs.existsSync('test-results') ? fs.readdirSync('test-results').filter((f) => /^vitest.*\.json$/.test(f)) : [];
for (const file of vitestReports) {
  const vitest = read(`test-results/${file}`);
  if (!vitest) continue;
  seen.push(file);
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}
for (const file of ['test-results/playwright.json', 'test-results/electron.json']) {
  const pw = read(file);
  if (!pw) continue;
  seen.push(file);
  passed += (pw.stats?.expected ?? 0) + (pw.stats?.flaky ?? 0);
  failed += pw.stats?.unexpected ?? 0;
  skipped += pw.stats?.skipped ?? 0;
}
// A test that failed and then passed on its retry counts as passed, but is named: a flake is a bug to find.
function flakyTitles(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  const found = [];
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) if (t.status === 'flaky') found.push([...here, spec.title].join(' › '));
  }
  for (const child of suite.suites ?? []) found.push(...flakyTitles(child, here));
  return found;
}
for (const file of ['test-results/playwright.json', 'test-results/electron.json']) {
  const pw = read(file);
  for (const title of (pw?.suites ?? []).flatMap((s) => flakyTitles(s))) console.log(`passed only on retry (flaky): ${title}`);
}
// A red typecheck, lint or build stops `npm test` before some suites run: count it as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`reports read: ${seen.join(', ') || 'none'}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
