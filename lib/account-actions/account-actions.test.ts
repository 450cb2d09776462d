// The customer page's protective actions and contact restores, against real PostgreSQL: each
// change, its queued action, its audit event and its notices land together or not at all.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer, type TestCustomer } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { takeProtectiveAction, unlockAccount } from "./account-actions";
import { decideContactRestore, requestContactRestore } from "./contact-restores";
import { protectiveActionSchema, type ProtectiveActionInput } from "./schemas";
import { sealContact } from "@/lib/customers/contact-values";

const DAY = 86_400_000;

async function version(customerId: string): Promise<string> {
  const row = await getDb().customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { updatedAt: true },
  });
  return row.updatedAt.toISOString();
}

async function act(
  agent: Awaited<ReturnType<typeof actingAs>>,
  customer: TestCustomer,
  input: Partial<ProtectiveActionInput>,
) {
  return takeProtectiveAction(agent, {
    customerId: customer.id,
    action: "end-all-sessions",
    reason: "Customer reports a takeover, ticket 501",
    customerVersion: await version(customer.id),
    ...input,
  });
}

async function auditActions(customerId: string): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { targetId: customerId },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

async function phoneChangedByAttacker(customer: TestCustomer, to: string) {
  const db = getDb();
  await db.accountChange.create({
    data: {
      customerId: customer.id,
      kind: "PHONE_CHANGED",
      occurredAt: new Date(Date.now() - DAY),
      previousValue: sealContact(customer.phone),
      newValue: sealContact(to),
      deviceId: "attacker-device",
    },
  });
  await db.customer.update({ where: { id: customer.id }, data: { phoneE164: to } });
}

describe("protective account actions", () => {
  it("ends every session: sessions revoked, action queued, audited and the customer told, in one go", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const result = await act(agent, customer, {});
    expect(result).toMatchObject({ ok: true });
    const db = getDb();
    expect(await db.customerSession.count({ where: { customerId: customer.id, revokedAt: null } })).toBe(0);
    const queued = await db.accountAction.findMany({ where: { customerId: customer.id } });
    expect(queued.map((row) => [row.kind, row.status, row.decidedById])).toEqual([
      ["SESSIONS_ENDED", "DECIDED", agent.staff.id],
    ]);
    expect(await auditActions(customer.id)).toEqual(["account.sessions_ended"]);
    const told = await db.notification.findMany({ where: { customerId: customer.id } });
    expect(told.map((row) => row.destination).toSorted()).toEqual(
      [customer.email, customer.phone].toSorted(),
    );
  });

  it("ends one session of this customer only; another customer's session id is refused", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const other = await createCustomer();
    const refused = await act(agent, customer, { action: "end-session", sessionId: other.sessionIds[0] });
    expect(refused).toMatchObject({ ok: false, field: "sessionId" });
    expect(await getDb().customerSession.count({ where: { customerId: other.id, revokedAt: null } })).toBe(2);
    const ended = await act(agent, customer, { action: "end-session", sessionId: customer.sessionIds[0] });
    expect(ended).toMatchObject({ ok: true });
    expect(await getDb().customerSession.count({ where: { customerId: customer.id, revokedAt: null } })).toBe(
      1,
    );
    expect(await auditActions(customer.id)).toEqual(["account.session_ended"]);
  });

  it("requires a new password once; locks and unlocks", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    expect(await act(agent, customer, { action: "require-password" })).toMatchObject({ ok: true });
    expect(await act(agent, customer, { action: "require-password" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already required/),
    });
    expect(await act(agent, customer, { action: "lock" })).toMatchObject({ ok: true });
    const db = getDb();
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).status).toBe("LOCKED");
    const unlocked = await unlockAccount(agent, {
      customerId: customer.id,
      reason: "Verified on a call back to the old number",
      customerVersion: await version(customer.id),
    });
    expect(unlocked).toMatchObject({ ok: true });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).status).toBe("ACTIVE");
    expect(await auditActions(customer.id)).toEqual([
      "account.password_change_required",
      "account.locked",
      "account.unlocked",
    ]);
    const kinds = await db.accountAction.findMany({
      where: { customerId: customer.id },
      orderBy: { createdAt: "asc" },
      select: { kind: true },
    });
    expect(kinds.map((row) => row.kind)).toEqual([
      "PASSWORD_CHANGE_REQUIRED",
      "ACCOUNT_LOCKED",
      "ACCOUNT_UNLOCKED",
    ]);
  });

  it("refuses a form made before the account changed, and a closed account; nothing is applied", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const stale = await version(customer.id);
    await getDb().customer.update({ where: { id: customer.id }, data: { passwordResetRequired: true } });
    const refused = await act(agent, customer, { action: "lock", customerVersion: stale });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/changed after you opened/) });
    await getDb().customer.update({ where: { id: customer.id }, data: { status: "CLOSED" } });
    expect(await act(agent, customer, { action: "lock" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/closed/),
    });
    expect(await getDb().accountAction.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await auditActions(customer.id)).toEqual([]);
  });

  it("serialises two agents acting on one customer at once: one locks, the other is told it is locked", async () => {
    const [first, second] = await Promise.all([actingAs(await createStaff()), actingAs(await createStaff())]);
    const customer = await createCustomer();
    const customerVersion = await version(customer.id);
    const results = await Promise.all(
      [first, second].map((agent) =>
        takeProtectiveAction(agent, {
          customerId: customer.id,
          action: "lock",
          reason: "Takeover in progress, ticket 9",
          customerVersion,
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)?.message).toMatch(/already locked|changed after you opened/);
    expect(await getDb().accountAction.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("ticks the case checklist when an action fulfils a step, naming the audit event", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const kase = await getDb().case.create({
      data: { customerId: customer.id, type: "COMPROMISED_ACCOUNT", subject: "Takeover", status: "OPEN" },
    });
    await act(agent, customer, {});
    await act(agent, customer, { action: "require-password" });
    const after = await getDb().case.findUniqueOrThrow({
      where: { id: kase.id },
      select: { checklist: true },
    });
    expect(after.checklist).toMatchObject({
      "revoke-sessions": { via: "account.sessions_ended", viaCustomerId: customer.id },
      "force-password-reset": { via: "account.password_change_required" },
    });
    expect(after.checklist).not.toHaveProperty("reset-2fa");
  });

  it("applies nothing when the transaction fails after the change (the notices cannot be written)", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE FUNCTION fail_notices() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$;
      CREATE TRIGGER fail_notices BEFORE INSERT ON notifications FOR EACH STATEMENT EXECUTE FUNCTION fail_notices();`);
    try {
      await expect(act(agent, customer, {})).rejects.toThrow(/outbox down/);
    } finally {
      await admin.query("DROP TRIGGER fail_notices ON notifications; DROP FUNCTION fail_notices();");
      await admin.end();
    }
    const db = getDb();
    expect(await db.customerSession.count({ where: { customerId: customer.id, revokedAt: null } })).toBe(2);
    expect(await db.accountAction.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await auditActions(customer.id)).toEqual([]);
  });

  it("the schema asks which session to end", () => {
    const parsed = protectiveActionSchema.safeParse({
      customerId: crypto.randomUUID(),
      action: "end-session",
      reason: "Lost phone, ticket 3",
      customerVersion: new Date().toISOString(),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["sessionId"]);
  });
});

describe("restoring a replaced contact", () => {
  it("refuses when nothing was replaced: a value never on file cannot be put on the account", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const result = await requestContactRestore(agent, {
      customerId: customer.id,
      field: "phone",
      reason: "Caller says this is his old number",
      customerVersion: await version(customer.id),
    });
    expect(result).toMatchObject({ ok: false, field: "field" });
    expect(await getDb().contactRestore.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("on a risky account waits for another supervisor, then puts the old number back and tells both", async () => {
    const agent = await actingAs(await createStaff());
    const supervisor = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    const customer = await createCustomer({ risky: true });
    const attacker = "+447700900666";
    await phoneChangedByAttacker(customer, attacker);

    const requested = await requestContactRestore(agent, {
      customerId: customer.id,
      field: "phone",
      reason: "Phone changed by the attacker after a scam call",
      customerVersion: await version(customer.id),
    });
    expect(requested).toMatchObject({ ok: true, data: { status: "PENDING_APPROVAL" } });
    if (!requested.ok) throw new Error("unreachable");
    const restoreId = requested.data.restoreId;
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneE164).toBe(
      attacker,
    );

    const own = await decideContactRestore(agent, { restoreId, decision: "approve", note: undefined });
    expect(own).toMatchObject({ ok: false });
    const approved = await decideContactRestore(supervisor, {
      restoreId,
      decision: "approve",
      note: "Checked",
    });
    expect(approved).toMatchObject({ ok: true, data: { status: "EXECUTED", customerId: customer.id } });

    const db = getDb();
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneE164).toBe(
      customer.phone,
    );
    const texts = await db.notification.findMany({ where: { customerId: customer.id, channel: "SMS" } });
    expect(texts.map((row) => row.destination).toSorted()).toEqual([attacker, customer.phone].toSorted());
    expect(await auditActions(customer.id)).toEqual([
      "contact_restore.requested",
      "contact_restore.approved",
      "account.contact_restored",
    ]);
    expect(
      await decideContactRestore(supervisor, { restoreId, decision: "approve", note: undefined }),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already been decided/),
    });
  });

  it("does nothing if the number changed again after the request", async () => {
    const agent = await actingAs(await createStaff());
    const supervisor = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    const customer = await createCustomer({ risky: true });
    await phoneChangedByAttacker(customer, "+447700900666");
    const requested = await requestContactRestore(agent, {
      customerId: customer.id,
      field: "phone",
      reason: "Phone changed by the attacker",
      customerVersion: await version(customer.id),
    });
    if (!requested.ok) throw new Error(requested.message);
    await getDb().customer.update({ where: { id: customer.id }, data: { phoneE164: "+447700900777" } });
    const decided = await decideContactRestore(supervisor, {
      restoreId: requested.data.restoreId,
      decision: "approve",
      note: undefined,
    });
    expect(decided).toMatchObject({ ok: false, message: expect.stringMatching(/changed again/) });
    expect((await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).phoneE164).toBe(
      "+447700900777",
    );
    expect(await getDb().accountAction.count({ where: { customerId: customer.id } })).toBe(0);
  });
});
