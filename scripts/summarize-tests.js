// Prints one closing line for the whole suite from Jest's and Playwright's JSON reports.
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
const [jestFile, playwrightFile] = process.argv.slice(2);

const jest = JSON.parse(fs.readFileSync(jestFile, 'utf8'));
passed += jest.numPassedTests;
failed += jest.numFailedTests;
skipped += jest.numPendingTests + jest.numTodoTests;

const playwright = JSON.parse(fs.readFileSync(playwrightFile, 'utf8'));
passed += playwright.stats.expected + playwright.stats.flaky;
failed += playwright.stats.unexpected;
skipped += playwright.stats.skipped;

console.log(`unit and database: ${jest.numPassedTests} passed; browser: ${playwright.stats.expected} passed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
