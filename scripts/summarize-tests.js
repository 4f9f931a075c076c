// Prints one closing line for the whole suite from Jest's and Playwright's JSON reports.
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
const [jestFile, playwrightFile, faultFile] = process.argv.slice(2);

const jest = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
passed += jest.numPassedTests;
failed += jest.numFailedTests;
skipped += jest.numPendingTests + jest.numTodoTests;

const playwright = JSON.parse(fs.readFileSync(playwrightFile, 'utf8'));
passed += playwright.stats.expected + playwright.stats.flaky;
failed += playwright.stats.unexpected;
skipped += playwright.stats.skipped;

const postgres = jest.testResults
  .flatMap(file => file.assertionResults)
  .filter(test => /POSTGRES_\d+/.test(test.fullName));
const postgresPassed = postgres.filter(test => test.status === 'passed').length;

console.log(
  `unit and database tests: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed`,
);
console.log(
  `  of which on PostgreSQL: ${postgresPassed} passed (${postgres.length} run)`,
);
console.log(
  `browser tests (Chromium): ${playwright.stats.expected} passed, ${playwright.stats.unexpected} failed`,
);
// The accessibility checks (e2e-tests/accessibility.test.ts) leave their counts
// beside the browser report: one file per theme and language.
const axeDir = require('node:path').join(
  require('node:path').dirname(playwrightFile),
  'axe',
);
const axeRuns = fs.existsSync(axeDir)
  ? fs
      .readdirSync(axeDir)
      .filter(f => f.endsWith('.json'))
      .sort()
      .map(f => JSON.parse(fs.readFileSync(`${axeDir}/${f}`, 'utf8')))
  : [];
if (axeRuns.length < 4) {
  failed += 1;
  console.log(
    `accessibility (axe): ${axeRuns.length} of 4 theme and language runs reported`,
  );
}
for (const run of axeRuns) {
  const c = run.counts;
  console.log(
    `accessibility (axe, WCAG 2.1 A/AA), ${run.theme} theme, ${run.language}: ${run.pages} pages and dialogs — critical ${c.critical}, serious ${c.serious}, moderate ${c.moderate}, minor ${c.minor}`,
  );
}
if (faultFile) {
  const fault = JSON.parse(fs.readFileSync(faultFile, 'utf8'));
  passed += fault.passed;
  failed += fault.failed;
  console.log(
    `fault suite (built backend): ${fault.passed} passed, ${fault.failed} failed — ${fault.summary}`,
  );
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
