// Prints one closing line per runner and a total, "N passed, N failed", from their JSON reports.
import { existsSync, readFileSync } from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };
function report(name, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

if (existsSync(".reports/vitest.json")) {
  const vitest = JSON.parse(readFileSync(".reports/vitest.json", "utf8"));
  report("vitest", {
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
}
if (existsSync(".reports/playwright.json")) {
  const playwright = JSON.parse(readFileSync(".reports/playwright.json", "utf8"));
  report("playwright", {
    passed: playwright.stats.expected + playwright.stats.flaky,
    failed: playwright.stats.unexpected,
    skipped: playwright.stats.skipped,
  });
}
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
