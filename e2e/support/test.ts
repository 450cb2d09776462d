// The `test` every spec imports (ESLint refuses @playwright/test's own in specs). It adds one thing:
// any Content Security Policy violation in any page of any test fails that test, so a page that
// loses its nonce, or a component that starts needing inline script, is caught wherever it shows.
//
// Violations are reported from inside the page (the `securitypolicyviolation` event) through a
// binding, for the default context and for every context a spec opens with browser.newContext().
import { test as base, expect, type BrowserContext } from "@playwright/test";

type Violation = { page: string; directive: string; blocked: string; sample: string };

const violations: Violation[] = [];
const watched = new WeakSet<BrowserContext>();

async function watchForViolations(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding("__reportCspViolation", (_source, violation: Violation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (violation: unknown) => void })
        .__reportCspViolation;
      report?.({
        page: location.pathname,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
}

export const test = base.extend<{ cspWatch: void }, { watchNewContexts: void }>({
  watchNewContexts: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const context = await newContext(...args);
        await watchForViolations(context);
        return context;
      };
      await use();
    },
    { scope: "worker", auto: true },
  ],
  cspWatch: [
    async ({ context }, use) => {
      await watchForViolations(context);
      violations.length = 0;
      await use();
      expect(violations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

/** The violations seen so far in this test, forgotten so the fixture does not fail it. */
export function drainCspViolations(): Violation[] {
  return violations.splice(0, violations.length);
}

export { expect };
export type {
  Browser,
  BrowserContext,
  Page,
  APIRequestContext,
  APIResponse,
  Locator,
} from "@playwright/test";
