import { expect, type Page } from "@playwright/test";
import { totpCode, waitForNextStep } from "./totp";

export type Credentials = { email: string; password: string; totpSecret: string };

/**
 * Signs in through the real form. A code is accepted once per staff member and time step, so if
 * an earlier sign-in of the same person used this step, wait for the next one and try again.
 */
export async function signIn(page: Page, staff: Credentials, next = "/console"): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto(`/console/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(staff.email);
    await page.getByLabel("Password").fill(staff.password);
    await page.getByLabel("Authenticator code").fill(await totpCode(staff.totpSecret));
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const outcome = await Promise.race([
      page
        .waitForURL((url) => !url.pathname.startsWith("/console/sign-in"), { timeout: 15_000 })
        .then(() => "ok" as const),
      page
        .getByTestId("sign-in-error")
        .getByText(/already been used/)
        .waitFor({ timeout: 15_000 })
        .then(() => "replayed" as const),
    ]);
    if (outcome === "ok") {
      await expect(page.getByTestId("whoami")).toContainText(staff.email);
      return;
    }
    await waitForNextStep();
  }
  throw new Error(`Could not sign in as ${staff.email}`);
}

/** Answers an inline step-up prompt with a fresh code (waiting for a new step if needed). */
export async function completeStepUp(page: Page, staff: Credentials): Promise<void> {
  const prompt = page.getByRole("region", { name: "Confirm it's you" });
  for (let attempt = 0; attempt < 3; attempt++) {
    await prompt.getByLabel("Authenticator code").fill(await totpCode(staff.totpSecret));
    await prompt.getByRole("button", { name: "Confirm and continue" }).click();
    // Success removes the prompt. A message left from an earlier try must not count as this
    // try's answer, so wait for the prompt to go first and only then look at why it stayed.
    const confirmed = await prompt.waitFor({ state: "detached", timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (confirmed) return;
    if (
      !(await prompt
        .getByText(/already been used/)
        .first()
        .isVisible())
    )
      break;
    await waitForNextStep();
  }
  throw new Error("Step-up failed");
}
