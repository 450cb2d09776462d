// Each table has one area of lib/ that writes it; other areas call that area's functions. This
// keeps every change to a table going through the code that audits it and knows its rules (a
// case is opened with its case.opened event, a customer's account is changed in one place). The
// test reads every module in app/ and lib/ and fails when a Prisma model is written (create,
// update, delete, upsert...) or its table changed by raw SQL from outside its owner.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Model → the lib folders that may write it. */
const OWNERS: Record<string, readonly string[]> = {
  // Staff identity is one domain in two folders: signing in (lib/auth) and administration (lib/staff).
  StaffUser: ["lib/auth", "lib/staff"],
  StaffSession: ["lib/auth", "lib/staff"],
  StaffRecoveryCode: ["lib/auth", "lib/staff"],
  // Passkeys are enrolled, used and removed by their owner (lib/auth/passkeys*); an admin's
  // authenticator reset removes them too (lib/staff).
  StaffPasskey: ["lib/auth", "lib/staff"],
  WebauthnChallenge: ["lib/auth"],
  // Invitations are made by administrators (lib/staff) and used at enrolment or at a first single
  // sign-on (lib/auth/sso-sign-in.ts).
  StaffInvite: ["lib/staff", "lib/auth"],
  // The sign-in policy: set by administrators (lib/staff), read at every sign-in (lib/auth).
  SignInPolicy: ["lib/staff"],
  AuthThrottle: ["lib/auth"],
  Customer: ["lib/customers"],
  SecondFactor: ["lib/customers"],
  CustomerSession: ["lib/customers"],
  AccountChange: ["lib/customers"],
  // Events arrive through ingest; retention deletes the old ones.
  LoginAttempt: ["lib/ingest", "lib/retention"],
  OtpDelivery: ["lib/ingest", "lib/retention"],
  Case: ["lib/cases"],
  CaseNote: ["lib/cases"],
  FactorReset: ["lib/resets"],
  CallerVerification: ["lib/caller-verification"],
  AccountAction: ["lib/account-actions"],
  ContactRestore: ["lib/account-actions"],
  IntegrationEndpoint: ["lib/integrations"],
  ActionDelivery: ["lib/integrations"],
  DeliveryAttempt: ["lib/integrations"],
  ScamReport: ["lib/scam-reports"],
  Notification: ["lib/notifications"],
  AuditEvent: ["lib/audit"],
  ApiKey: ["lib/api-keys"],
  ArticleFeedback: ["lib/feedback"],
  HelpSearchMiss: ["lib/feedback"],
  RateLimit: ["lib/rate-limit"],
  SavedView: ["lib/saved-views"],
};

const WRITE_METHODS =
  "create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

/** Model name → table name, from schema.prisma (@@map, or the model name itself). */
function tablesOfModels(): Map<string, string> {
  const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  const tables = new Map<string, string>();
  for (const match of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const [, model = "", body = ""] = match;
    tables.set(model, /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model);
  }
  return tables;
}

/** Every write a module makes, as model names. */
export function writesIn(text: string, tables: Map<string, string>): string[] {
  const written = new Set<string>();
  for (const [model, table] of tables) {
    const delegate = model[0]?.toLowerCase() + model.slice(1);
    if (new RegExp(`\\.${delegate}\\s*\\.\\s*(${WRITE_METHODS})\\s*\\(`).test(text)) written.add(model);
    if (new RegExp(`\\b(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+"?${table}"?\\b`, "i").test(text))
      written.add(model);
  }
  return [...written];
}

function ownerOf(file: string): string | null {
  const match = /^(lib\/[^/]+)\//.exec(file);
  return match?.[1] ?? null;
}

describe("table ownership", () => {
  const tables = tablesOfModels();

  it("names an owner for every model in the schema", () => {
    expect([...tables.keys()].toSorted()).toEqual(Object.keys(OWNERS).toSorted());
  });

  it("writes each table only from its owning area (app/ writes through lib/)", () => {
    const violations: string[] = [];
    for (const file of [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "lib"))]) {
      const relative = path.relative(root, file);
      const owner = ownerOf(relative);
      for (const model of writesIn(readFileSync(file, "utf8"), tables)) {
        if (!owner || !(OWNERS[model] ?? []).includes(owner))
          violations.push(`${relative} writes ${model} (owned by ${(OWNERS[model] ?? []).join(", ")})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("recognises the ways a module writes a table", () => {
    expect(writesIn("await tx.caseNote.create({ data })", tables)).toEqual(["CaseNote"]);
    expect(writesIn("await db.scamReport\n  .updateMany({ where })", tables)).toEqual(["ScamReport"]);
    expect(writesIn("await tx.$executeRaw`UPDATE customers SET flagged_at = now()`", tables)).toEqual([
      "Customer",
    ]);
    expect(writesIn('DELETE FROM "login_attempts" WHERE occurred_at < $1', tables)).toEqual(["LoginAttempt"]);
    expect(writesIn("await tx.case.findMany({ where })", tables)).toEqual([]);
  });
});
