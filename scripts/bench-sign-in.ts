// `npm run bench:sign-in`: how long a failed sign-in takes for an email that has an account and for
// one that does not. An attacker who can tell them apart by time learns which emails are staff, so
// the two paths do the same work (an argon2 check, a TOTP check, the same throttle writes and one
// audit row). Prints medians and 90th percentiles of each, alternating, in one process against a
// throwaway database (launch.ts run); exits 0 either way: it reports, it does not judge.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password";
import { signInStaff } from "@/lib/auth/sign-in";
import { createTotpSecret } from "@/lib/auth/totp";
import { encryptAtRest } from "@/lib/crypto/at-rest";
import { getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { requiredEnv } from "@/lib/env";

const { values } = parseArgs({ options: { samples: { type: "string", default: "80" } } });
const samples = Number(values.samples);
// Each known account takes at most 15 guesses, fewer than the per-email throttle lets through, and
// every guess comes from its own address: the numbers measure the password path, not the throttle.
const GUESSES_PER_ACCOUNT = 15;

await migrateDatabase(requiredEnv("DATABASE_URL"));
const db = getDb();
const tag = randomBytes(3).toString("hex");
const accounts = await Promise.all(
  Array.from({ length: Math.ceil(samples / GUESSES_PER_ACCOUNT) }, async (_, index) => {
    const email = `bench-${tag}-${index}@desk.example`;
    await db.staffUser.create({
      data: {
        email,
        name: "Bench",
        passwordHash: await hashPassword(`bench password ${index}`),
        totpSecretEnc: encryptAtRest(createTotpSecret()),
      },
    });
    return email;
  }),
);

let address = 0;
async function timed(email: string): Promise<number> {
  const started = performance.now();
  const result = await signInStaff(
    { email, password: "a wrong password", code: "000000" },
    { ip: `10.${tag.length}.${Math.floor(++address / 250)}.${address % 250}`, userAgent: "bench" },
  );
  const elapsed = performance.now() - started;
  if (result.ok || result.message.startsWith("Too many"))
    throw new Error(`unexpected answer: ${JSON.stringify(result)}`);
  return elapsed;
}

const known: number[] = [];
const unknown: number[] = [];
await timed(`warm-up-${tag}@desk.example`);
for (let index = 0; index < samples; index++) {
  known.push(await timed(accounts[Math.floor(index / GUESSES_PER_ACCOUNT)] ?? ""));
  unknown.push(await timed(`nobody-${tag}-${index}@desk.example`));
}

const percentile = (values: number[], p: number) =>
  values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;
const row = (label: string, values: number[]) =>
  `${label.padEnd(22)} median ${percentile(values, 0.5).toFixed(1).padStart(6)} ms   p90 ${percentile(values, 0.9).toFixed(1).padStart(6)} ms`;
process.stdout.write(
  `${samples} failed sign-ins each, alternating:\n${row("email with an account", known)}\n${row("email without one", unknown)}\n`,
);
process.stdout.write(
  `difference of medians: ${(percentile(known, 0.5) - percentile(unknown, 0.5)).toFixed(1)} ms\n`,
);
await db.$disconnect();
