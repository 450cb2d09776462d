// Headless first-admin creation: `npm run staff:create-admin -- --email you@example.com --name "Your Name"`.
// Prints a generated password (unless --password-stdin), the TOTP key and URI, and ten recovery
// codes, once. Runs with the react-server condition so lib modules guarded by "server-only" load.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import { hashPassword } from "@/lib/auth/password";
import { emailField, newPasswordField } from "@/lib/auth/schemas";
import { createTotpSecret, totpUri } from "@/lib/auth/totp";
import { encryptAtRest } from "@/lib/crypto/at-rest";
import { getDb } from "@/lib/db/client";
import { issueRecoveryCodes } from "@/lib/staff/recovery-codes-store";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  const email = emailField.safeParse(values.email ?? "");
  if (!email.success) throw new Error(`--email: ${email.error.issues[0]?.message}`);
  const name = (values.name ?? "").trim();
  if (!name) throw new Error("--name is required.");
  const password = values["password-stdin"] ? await readStdin() : randomBytes(18).toString("base64url");
  const checked = newPasswordField.safeParse(password);
  if (!checked.success) throw new Error(`password: ${checked.error.issues[0]?.message}`);

  const db = getDb();
  if (await db.staffUser.findUnique({ where: { email: email.data }, select: { id: true } })) {
    throw new Error(`A staff member with the email ${email.data} already exists.`);
  }
  const secret = createTotpSecret();
  const passwordHash = await hashPassword(password);
  const codes = await db.$transaction(async (tx) => {
    const staff = await tx.staffUser.create({
      data: {
        email: email.data,
        name,
        role: "ADMIN",
        passwordHash,
        totpSecretEnc: encryptAtRest(secret),
        totpEnrolledAt: new Date(),
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor: { type: "SYSTEM", label: "staff:create-admin CLI" },
      action: "staff.created_by_cli",
      target: { type: "staff", id: staff.id },
      data: { role: "ADMIN" },
    });
    return issueRecoveryCodes(tx, staff.id);
  });

  const lines = [
    `Administrator ${email.data} created.`,
    values["password-stdin"] ? "Password: the one you provided." : `Password: ${password}`,
    `Authenticator key (enter it in your app): ${secret}`,
    `Authenticator URI: ${totpUri(email.data, secret)}`,
    "Recovery codes (each works once; store them safely):",
    ...codes.map((code) => `  ${code}`),
    "These are shown only now.",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
