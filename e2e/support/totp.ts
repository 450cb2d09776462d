import { generate } from "otplib";

const PERIOD_MS = 30_000;

/** The code for the current 30-second step (or a neighbouring one; the server accepts ±1). */
export function totpCode(secret: string, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor((Date.now() + stepOffset * PERIOD_MS) / 1000) });
}

/** Waits for the next time step: each step's code is accepted once per staff member. */
export async function waitForNextStep(): Promise<void> {
  const remaining = PERIOD_MS - (Date.now() % PERIOD_MS);
  await new Promise((resolve) => setTimeout(resolve, remaining + 250));
}
