// What the suite's mail server (e2e/support/smtp-sink.ts) received, as a customer's inbox.
import { expect } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 21;

export type Mail = { to: string[]; subject: string; text: string; receivedAt: string };

export async function mailTo(address: string): Promise<Mail[]> {
  const response = await fetch(`http://127.0.0.1:${PORT}/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Mail[];
}

/** Waits for a message to `address` whose subject matches, and answers the newest such. */
export async function waitForMail(address: string, subject: RegExp): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).filter((mail) => subject.test(mail.subject)).at(-1);
        return found !== undefined;
      },
      { timeout: 30_000, message: `an email to ${address} about ${subject}` },
    )
    .toBe(true);
  if (!found) throw new Error("unreachable");
  return found;
}
