import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer, replacePhone } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { decideFactorReset, requestFactorReset } from "./factor-resets";
import { reportResetNotMe } from "./not-me";
import { resetRequestSchema, type ResetRequestInput } from "./schemas";
import type { StaffContext } from "@/lib/auth/current-staff";
import { customerConfirms } from "@/test/factories/caller-verification";

function request(
  customerId: string,
  factorIds: string[],
  extra: Partial<ResetRequestInput> = {},
): ResetRequestInput {
  return {
    customerId,
    factorIds,
    verificationMethod: "CALLBACK_NUMBER_ON_FILE",
    verificationDetail: undefined,
    reason: "Customer lost their phone, ticket 77",
    revokeSessions: true,
    forcePasswordReset: true,
    ...extra,
  };
}

/** A request the customer confirmed on their own device: no supervisor needed on a low-risk account. */
async function confirmedRequest(
  agent: StaffContext,
  customerId: string,
  factorIds: string[],
  extra: Partial<ResetRequestInput> = {},
): Promise<ResetRequestInput> {
  const callerVerificationId = await customerConfirms(agent, customerId);
  return request(customerId, factorIds, {
    verificationMethod: "CONFIRMED_BY_CUSTOMER",
    callerVerificationId,
    ...extra,
  });
}

async function auditActions(customerId: string) {
  const rows = await getDb().auditEvent.findMany({
    where: { targetId: customerId },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

describe("2FA reset", () => {
  it("executes at once on a low-risk account: factors removed, sessions ended, customer notified on every channel, audited", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const result = await requestFactorReset(
      agent,
      await confirmedRequest(agent, customer.id, [customer.factorIds[0] ?? ""]),
    );
    expect(result).toMatchObject({ ok: true, data: { status: "EXECUTED" } });
    const db = getDb();
    const factors = await db.secondFactor.findMany({
      where: { customerId: customer.id },
      select: { id: true, removedAt: true },
    });
    expect(factors.filter((factor) => factor.removedAt)).toHaveLength(1);
    expect(await db.customerSession.count({ where: { customerId: customer.id, revokedAt: null } })).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).passwordResetRequired).toBe(
      true,
    );
    const notifications = await db.notification.findMany({
      where: { customerId: customer.id },
      select: { channel: true, destination: true, body: true },
    });
    const notices = notifications.filter((n) => !n.body.includes("/verify/"));
    expect(notices.map((n) => n.channel).sort()).toEqual(["EMAIL", "SMS"]);
    expect(notices.find((n) => n.channel === "EMAIL")?.body).toMatch(/\/not-me\//);
    expect(await auditActions(customer.id)).toEqual([
      "caller_verification.requested",
      "caller_verification.confirmed",
      "reset.requested",
      "reset.executed",
    ]);
  });

  it("holds a risky account's reset for a supervisor, who is not the requester; a second approval is refused", async () => {
    const agentStaff = await createStaff({ role: "SUPERVISOR" });
    const requester = await actingAs(agentStaff);
    const approver = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    const customer = await createCustomer({ risky: true });
    const requested = await requestFactorReset(requester, request(customer.id, customer.factorIds));
    expect(requested).toMatchObject({ ok: true, data: { status: "PENDING_APPROVAL" } });
    if (!requested.ok) return;
    const db = getDb();
    expect(await db.secondFactor.count({ where: { customerId: customer.id, removedAt: null } })).toBe(2);
    expect(
      (await db.factorReset.findUniqueOrThrow({ where: { id: requested.data.resetId } })).riskReasons,
    ).toContain("The customer reported a scam contact in the last 30 days.");

    expect(
      await decideFactorReset(requester, {
        resetId: requested.data.resetId,
        decision: "approve",
        note: undefined,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/own request/) });
    const [first, second] = await Promise.all([
      decideFactorReset(approver, {
        resetId: requested.data.resetId,
        decision: "approve",
        note: "Verified twice",
      }),
      decideFactorReset(approver, {
        resetId: requested.data.resetId,
        decision: "approve",
        note: "Verified twice",
      }),
    ]);
    expect([first, second].filter((result) => result.ok)).toHaveLength(1);
    expect(await db.secondFactor.count({ where: { customerId: customer.id, removedAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { customerId: customer.id } })).toBe(2);
    expect(await auditActions(customer.id)).toEqual(["reset.requested", "reset.approved", "reset.executed"]);
  });

  it("refuses an expired request and an agent's approval", async () => {
    const agent = await actingAs(await createStaff());
    const supervisor = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    const customer = await createCustomer({ risky: true });
    const requested = await requestFactorReset(agent, request(customer.id, customer.factorIds));
    if (!requested.ok) throw new Error("request failed");
    const otherAgent = await actingAs(await createStaff());
    expect(
      (
        await decideFactorReset(otherAgent, {
          resetId: requested.data.resetId,
          decision: "approve",
          note: undefined,
        })
      ).ok,
    ).toBe(false);
    await getDb().factorReset.update({
      where: { id: requested.data.resetId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      await decideFactorReset(supervisor, {
        resetId: requested.data.resetId,
        decision: "approve",
        note: undefined,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(
      (await getDb().factorReset.findUniqueOrThrow({ where: { id: requested.data.resetId } })).status,
    ).toBe("EXPIRED");
  });

  it("refuses fabricated customers, other customers' factors and cases", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const other = await createCustomer();
    expect(
      (await requestFactorReset(agent, request("00000000-0000-4000-8000-000000000000", customer.factorIds)))
        .ok,
    ).toBe(false);
    expect((await requestFactorReset(agent, request(customer.id, other.factorIds))).ok).toBe(false);
    expect(await getDb().secondFactor.count({ where: { customerId: other.id, removedAt: null } })).toBe(2);
  });

  it("applies nothing when the transaction fails midway", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const input = await confirmedRequest(agent, customer.id, customer.factorIds);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    // A real failure inside the transaction, after factors and sessions were already changed.
    await admin.query(`CREATE FUNCTION fail_notifications() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'outbox down'; END $$;
      CREATE TRIGGER fail_notifications BEFORE INSERT ON notifications FOR EACH STATEMENT EXECUTE FUNCTION fail_notifications();`);
    try {
      await expect(requestFactorReset(agent, input)).rejects.toThrow(/outbox down/);
    } finally {
      await admin.query(
        "DROP TRIGGER fail_notifications ON notifications; DROP FUNCTION fail_notifications();",
      );
      await admin.end();
    }
    const db = getDb();
    expect(await db.secondFactor.count({ where: { customerId: customer.id, removedAt: null } })).toBe(2);
    expect(await db.customerSession.count({ where: { customerId: customer.id, revokedAt: null } })).toBe(2);
    expect(await db.factorReset.count({ where: { customerId: customer.id } })).toBe(0);
    // Only the confirmation before it; nothing of the reset.
    expect(await auditActions(customer.id)).toEqual([
      "caller_verification.requested",
      "caller_verification.confirmed",
    ]);
  });
});

describe("reset request input", () => {
  it("needs a reason, a known verification method, a description for 'other', and at least one factor", () => {
    const base = {
      customerId: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
      factorIds: "3f2504e0-4f89-41d3-9a0c-0305e82c3302",
      verificationMethod: "CALLBACK_NUMBER_ON_FILE",
      reason: "Lost phone ticket 5",
    };
    expect(resetRequestSchema.safeParse(base).success).toBe(true);
    const errors = (input: Record<string, unknown>) =>
      resetRequestSchema.safeParse(input).error?.issues.map((issue) => issue.path[0]);
    expect(errors({ ...base, reason: "" })).toEqual(["reason"]);
    expect(errors({ ...base, verificationMethod: "ASKED_FOR_THE_CODE" })).toEqual(["verificationMethod"]);
    expect(errors({ ...base, verificationMethod: "OTHER" })).toEqual(["verificationDetail"]);
    expect(errors({ ...base, factorIds: undefined })).toEqual(["factorIds"]);
    expect(Object.keys(resetRequestSchema.parse({ ...base, code: "123456" }))).not.toContain("code");
  });
});

describe("2FA reset after the attacker changed the phone number", () => {
  async function takenOver() {
    const customer = await createCustomer({ risky: true });
    const attacker = "+447700900666";
    const db = getDb();
    await replacePhone(customer, attacker);
    const kase = await db.case.create({
      data: { customerId: customer.id, type: "COMPROMISED_ACCOUNT", subject: "Takeover", status: "OPEN" },
    });
    return { customer, attacker, caseId: kase.id };
  }

  it("refuses a call back to the changed number and accepts one to the number it replaced", async () => {
    const agent = await actingAs(await createStaff());
    const { customer } = await takenOver();
    const refused = await requestFactorReset(agent, request(customer.id, customer.factorIds));
    expect(refused).toMatchObject({ ok: false, field: "verificationMethod" });
    if (refused.ok) throw new Error("unreachable");
    expect(refused.message).toMatch(/changed on .* Call back the previous number \+44 \S+ \S+ \d{3}/);
    expect(await getDb().factorReset.count({ where: { customerId: customer.id } })).toBe(0);
    const accepted = await requestFactorReset(
      agent,
      request(customer.id, customer.factorIds, { verificationMethod: "CALLBACK_PREVIOUS_NUMBER" }),
    );
    expect(accepted).toMatchObject({ ok: true, data: { status: "PENDING_APPROVAL" } });
  });

  it("refuses the replaced-contact methods when nothing was replaced", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const refused = await requestFactorReset(
      agent,
      request(customer.id, customer.factorIds, { verificationMethod: "CALLBACK_PREVIOUS_NUMBER" }),
    );
    expect(refused).toMatchObject({ ok: false, field: "verificationMethod" });
  });

  it("once approved: tells the replaced number and the email as well as the new number, queues the actions and ticks the case", async () => {
    const agent = await actingAs(await createStaff());
    const supervisor = await actingAs(await createStaff({ role: "SUPERVISOR" }));
    const { customer, attacker, caseId } = await takenOver();
    const requested = await requestFactorReset(
      agent,
      request(customer.id, customer.factorIds, { verificationMethod: "CALLBACK_PREVIOUS_NUMBER", caseId }),
    );
    if (!requested.ok) throw new Error(requested.message);
    const decided = await decideFactorReset(supervisor, {
      resetId: requested.data.resetId,
      decision: "approve",
      note: undefined,
    });
    expect(decided).toMatchObject({
      ok: true,
      data: { status: "EXECUTED", customerId: customer.id, caseId },
    });

    const db = getDb();
    const told = await db.notification.findMany({ where: { customerId: customer.id } });
    expect(told.map((row) => row.destination).toSorted()).toEqual(
      [attacker, customer.phone, customer.email].toSorted(),
    );
    const queued = await db.accountAction.findMany({
      where: { customerId: customer.id },
      select: { kind: true },
    });
    expect(queued.map((row) => row.kind).toSorted()).toEqual(
      ["FACTORS_RESET", "PASSWORD_CHANGE_REQUIRED", "SESSIONS_ENDED"].toSorted(),
    );
    const kase = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { checklist: true } });
    expect(Object.keys(kase.checklist as object).toSorted()).toEqual(
      ["force-password-reset", "reset-2fa", "revoke-sessions"].toSorted(),
    );
    expect(kase.checklist).toMatchObject({ "reset-2fa": { via: "reset.executed" } });
  });
});

describe("'this wasn't me' after a reset", () => {
  it("adds to the customer's open compromised-account case instead of opening a second one", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const db = getDb();
    const open = await db.case.create({
      data: { customerId: customer.id, type: "COMPROMISED_ACCOUNT", subject: "Takeover", status: "OPEN" },
    });
    // A reset made without naming the case (e.g. from the customer page).
    const reset = await requestFactorReset(
      agent,
      await confirmedRequest(agent, customer.id, [customer.factorIds[0] ?? ""]),
    );
    if (!reset.ok) throw new Error(reset.message);
    expect(await reportResetNotMe(reset.data.resetId, "192.0.2.50")).toMatchObject({ ok: true });
    expect(await db.case.count({ where: { customerId: customer.id } })).toBe(1);
    const notes = await db.caseNote.findMany({ where: { caseId: open.id }, select: { body: true } });
    expect(notes.map((note) => note.body).join("\n")).toMatch(/this wasn't me/);
  });
});
