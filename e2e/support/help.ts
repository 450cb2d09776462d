import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// A random block per test process, then a counter: addresses never repeat within a run. (A single
// /24 picked by the clock repeated often enough for one spec to meet another's rate limit.)
const block = randomInt(0, 64 * 256);
let counter = 0;

/**
 * A client address of its own for a test, so the feedback rate limit (per client) of one test does
 * not spill into another. The app keys limits on X-Forwarded-For's right-most entry.
 */
export function uniqueClientIp(): string {
  counter += 1;
  return `100.${64 + (block >> 8)}.${(block + Math.floor(counter / 250)) % 256}.${(counter % 250) + 1}`;
}

/** Runs axe (WCAG 2.x A/AA and best practices) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.nodes
        .map((node) => node.target.join(" "))
        .slice(0, 5)
        .join("\n    ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
