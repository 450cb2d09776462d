import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createCustomer, replacePhone } from "@/test/factories/customers";
import { actingAs, createStaff } from "@/test/factories/staff";
import { customerConfirms, sendVerification } from "@/test/factories/caller-verification";
import { decideFactorReset, requestFactorReset } from "@/lib/resets/factor-resets";
import { verificationApprovalReasons } from "@/lib/resets/risk-gate";
import type { ResetRequestInput } from "@/lib/resets/schemas";
import {
  AGENT_LIMIT,
  CUSTOMER_LIMIT,
  answerCallerVerification,
  cancelCallerVerification,
  clearResetBlock,
  describeVerificationRequest,
  expireCallerVerifications,
  requestCallerVerification,
} from "./caller-verification";
import { verificationAnswerSchema } from "./schemas";
import { newVerificationToken } from "./token";

const IP = "198.51.100.7";

function reset(
  customerId: string,
  factorIds: string[],
  extra: Partial<ResetRequestInput> = {},
): ResetRequestInput {
  return {
    customerId,
    factorIds,
    verificationMethod: "CALLBACK_NUMBER_ON_FILE",
    verificationDetail: undefined,
    reason: "Caller lost their phone, ticket 19",
    revokeSessions: true,
    forcePasswordReset: false,
    ...extra,
  };
}

async function statusOf(verificationId: string) {
  return (await getDb().callerVerification.findUniqueOrThrow({ where: { id: verificationId } })).status;
}

async function auditActions(customerId: string) {
  const rows = await getDb().auditEvent.findMany({
    where: { targetId: customerId, action: { startsWith: "caller_verification." } },
    orderBy: { seq: "asc" },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

async function phoneTakenOver() {
  const customer = await createCustomer();
  const attacker = "+447700900777";
  await replacePhone(customer, attacker);
  return { customer, attacker };
}

describe("caller verification: the request", () => {
  it("goes to the chosen trusted contact only, says who asks and why, and stores no link", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const { verificationId, token } = await sendVerification(agent, customer.id, "email");
    const db = getDb();
    const messages = await db.notification.findMany({
      where: { customerId: customer.id },
      select: { channel: true, destination: true, body: true },
    });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: "EMAIL", destination: customer.email });
    expect(messages[0]?.body).toMatch(/is asking to reset your sign-in methods/);
    expect(messages[0]?.body).not.toMatch(/\b\d{6}\b/); // never a code
    const row = await db.callerVerification.findUniqueOrThrow({ where: { id: verificationId } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.destination).not.toContain(customer.email); // encrypted at rest
    expect(await describeVerificationRequest(token)).toMatchObject({ status: "PENDING" });
    expect(await auditActions(customer.id)).toEqual(["caller_verification.requested"]);
  });

  it("never offers a contact changed in the risk window, and offers the one it replaced", async () => {
    const agent = await actingAs(await createStaff());
    const { customer, attacker } = await phoneTakenOver();
    const refused = await requestCallerVerification(agent, {
      customerId: customer.id,
      contact: "phone",
      purpose: "FACTOR_RESET",
    });
    expect(refused).toMatchObject({ ok: false, field: "contact" });
    expect(await getDb().notification.count({ where: { destination: attacker } })).toBe(0);
    await sendVerification(agent, customer.id, "previous-phone");
    const sent = await getDb().notification.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(sent).toMatchObject({ channel: "SMS", destination: customer.phone });
    // Nothing was replaced by email: there is no previous email to send to.
    expect(
      await requestCallerVerification(agent, {
        customerId: customer.id,
        contact: "previous-email",
        purpose: "FACTOR_RESET",
      }),
    ).toMatchObject({ ok: false, field: "contact" });
  });

  it("keeps one request waiting per customer; a cancelled link changes nothing when answered", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const { verificationId, token } = await sendVerification(agent, customer.id);
    expect(
      await requestCallerVerification(agent, {
        customerId: customer.id,
        contact: "phone",
        purpose: "FACTOR_RESET",
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/already waiting/) });
    expect(await cancelCallerVerification(agent, { customerId: customer.id, verificationId })).toMatchObject({
      ok: true,
    });
    const late = await answerCallerVerification({ token, answer: "no" }, IP);
    expect(late).toMatchObject({ ok: false, message: expect.stringMatching(/cancelled/) });
    expect(await statusOf(verificationId)).toBe("CANCELLED");
    const flagged = await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(flagged.flaggedAt).toBeNull();
    expect(flagged.resetsBlockedAt).toBeNull();
    // A cancel for another customer's request finds nothing.
    const other = await createCustomer();
    expect(await cancelCallerVerification(agent, { customerId: other.id, verificationId })).toMatchObject({
      ok: false,
    });
  });

  it("limits requests per customer and per agent, and audits the refusal", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    for (let i = 0; i < CUSTOMER_LIMIT.limit; i++) {
      const { verificationId } = await sendVerification(agent, customer.id);
      await cancelCallerVerification(agent, { customerId: customer.id, verificationId });
    }
    const refused = await requestCallerVerification(agent, {
      customerId: customer.id,
      contact: "email",
      purpose: "FACTOR_RESET",
    });
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/most confirmation requests/),
    });
    expect(await auditActions(customer.id)).toContain("caller_verification.rate_limited");

    const busy = await actingAs(await createStaff());
    for (let i = 0; i < AGENT_LIMIT.limit; i++) await sendVerification(busy, (await createCustomer()).id);
    const next = await createCustomer();
    expect(
      await requestCallerVerification(busy, {
        customerId: next.id,
        contact: "email",
        purpose: "ACCOUNT_HELP",
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/in an hour/) });
    expect(await getDb().notification.count({ where: { customerId: next.id } })).toBe(0);
  });
});

describe("caller verification: the customer's answer", () => {
  it("is single-use: a second yes changes nothing; forged and truncated links are refused", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const { verificationId, token } = await sendVerification(agent, customer.id);
    expect(await answerCallerVerification({ token, answer: "yes" }, IP)).toMatchObject({
      ok: true,
      data: { outcome: "confirmed" },
    });
    const first = await getDb().callerVerification.findUniqueOrThrow({ where: { id: verificationId } });
    expect(await answerCallerVerification({ token, answer: "yes" }, "192.0.2.99")).toMatchObject({
      ok: true,
    });
    const again = await getDb().callerVerification.findUniqueOrThrow({ where: { id: verificationId } });
    expect(again.answeredAt).toEqual(first.answeredAt);
    expect(again.answeredIp).toBe(IP);
    expect(
      await answerCallerVerification({ token: newVerificationToken().token, answer: "yes" }, IP),
    ).toMatchObject({
      ok: false,
      message: "This link is not valid.",
    });
    expect(verificationAnswerSchema.safeParse({ token: token.slice(0, 30), answer: "yes" }).success).toBe(
      false,
    );
    expect(verificationAnswerSchema.safeParse({ token, answer: "maybe" }).success).toBe(false);
    expect(await auditActions(customer.id)).toEqual([
      "caller_verification.requested",
      "caller_verification.confirmed",
    ]);
  });

  it("expires: a late answer changes nothing, and the sweep marks and audits it", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const { verificationId, token } = await sendVerification(agent, customer.id);
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await answerCallerVerification({ token, answer: "yes" }, IP, later)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
    expect(await describeVerificationRequest(token, later)).toMatchObject({ status: "EXPIRED" });
    expect(await expireCallerVerifications(later)).toBeGreaterThanOrEqual(1);
    expect(await statusOf(verificationId)).toBe("EXPIRED");
    expect(await auditActions(customer.id)).toEqual([
      "caller_verification.requested",
      "caller_verification.expired",
    ]);
  });

  it("answered yes and no at once ends declined, whichever is first; a no after a yes stands", async () => {
    const agent = await actingAs(await createStaff());
    for (const order of [
      ["yes", "no"],
      ["no", "yes"],
      ["yes", "no"],
    ] as const) {
      const customer = await createCustomer();
      const { verificationId, token } = await sendVerification(agent, customer.id);
      const answers = await Promise.all(
        order.map((answer) => answerCallerVerification({ token, answer }, IP)),
      );
      expect(await statusOf(verificationId)).toBe("DECLINED");
      expect(answers.filter((answer) => answer.ok && answer.data.outcome === "declined")).toHaveLength(1);
      expect(await getDb().case.count({ where: { customerId: customer.id } })).toBe(1);
    }
  });

  it("a no flags the account, opens a case, alerts supervisors and blocks resets until a supervisor clears it", async () => {
    const agent = await actingAs(await createStaff());
    const supervisor = await createStaff({ role: "SUPERVISOR" });
    const supervisorCtx = await actingAs(supervisor, { stepUpAt: new Date() });
    const customer = await createCustomer();
    const db = getDb();
    // A reset already waiting for approval when the customer says no.
    const pending = await requestFactorReset(agent, reset(customer.id, customer.factorIds));
    expect(pending).toMatchObject({ ok: true, data: { status: "PENDING_APPROVAL" } });
    const { token } = await sendVerification(agent, customer.id);
    expect(await answerCallerVerification({ token, answer: "no" }, IP)).toMatchObject({ ok: true });

    const flagged = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(flagged.flaggedAt).not.toBeNull();
    expect(flagged.resetsBlockedAt).not.toBeNull();
    const kase = await db.case.findFirstOrThrow({
      where: { customerId: customer.id },
      include: { notes: true },
    });
    expect(kase.type).toBe("COMPROMISED_ACCOUNT");
    expect(kase.notes.map((note) => note.body).join()).toMatch(/did not contact you/);
    expect(
      await db.notification.count({ where: { destination: supervisor.email, template: "caller-declined" } }),
    ).toBe(1);

    if (!pending.ok) throw new Error("unreachable");
    expect(
      await decideFactorReset(supervisorCtx, {
        resetId: pending.data.resetId,
        decision: "approve",
        note: undefined,
      }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/blocked/) });
    const other = await actingAs(await createStaff());
    expect(
      await requestFactorReset(
        other,
        reset(customer.id, customer.factorIds, {
          verificationMethod: "DOCUMENT_CHECK",
          verificationDetail: "Passport seen on video",
        }),
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/blocked/) });
    expect(await db.secondFactor.count({ where: { customerId: customer.id, removedAt: null } })).toBe(2);

    expect(
      await clearResetBlock(supervisorCtx, {
        customerId: customer.id,
        reason: "Spoke to the customer on the old number",
      }),
    ).toMatchObject({ ok: true });
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).resetsBlockedAt).toBeNull();
    expect(await auditActions(customer.id)).toEqual([
      "caller_verification.requested",
      "caller_verification.declined",
      "caller_verification.block_cleared",
    ]);
  });
});

describe("caller verification: what a reset may rely on", () => {
  it("a yes lets the same agent's reset run without approval, once", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const callerVerificationId = await customerConfirms(agent, customer.id);
    const confirmed = { verificationMethod: "CONFIRMED_BY_CUSTOMER" as const, callerVerificationId };
    const done = await requestFactorReset(
      agent,
      reset(customer.id, [customer.factorIds[0] ?? ""], confirmed),
    );
    expect(done).toMatchObject({ ok: true, data: { status: "EXECUTED" } });
    const again = await requestFactorReset(
      agent,
      reset(customer.id, [customer.factorIds[1] ?? ""], confirmed),
    );
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/already used/) });
  });

  it("refuses a confirmation from another customer, another agent, or for other help", async () => {
    const agent = await actingAs(await createStaff());
    const colleague = await actingAs(await createStaff());
    const customer = await createCustomer();
    const other = await createCustomer();
    const otherCustomersYes = await customerConfirms(agent, other.id);
    const refusedOther = await requestFactorReset(
      agent,
      reset(customer.id, customer.factorIds, {
        verificationMethod: "CONFIRMED_BY_CUSTOMER",
        callerVerificationId: otherCustomersYes,
      }),
    );
    expect(refusedOther).toMatchObject({ ok: false, message: expect.stringMatching(/not this customer's/) });

    const colleaguesYes = await customerConfirms(colleague, customer.id);
    expect(
      await requestFactorReset(
        agent,
        reset(customer.id, customer.factorIds, {
          verificationMethod: "CONFIRMED_BY_CUSTOMER",
          callerVerificationId: colleaguesYes,
        }),
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/another agent/) });

    const third = await createCustomer();
    const { verificationId, token } = await sendVerification(agent, third.id, "email", "ACCOUNT_HELP");
    await answerCallerVerification({ token, answer: "yes" }, IP);
    expect(
      await requestFactorReset(
        agent,
        reset(third.id, third.factorIds, {
          verificationMethod: "CONFIRMED_BY_CUSTOMER",
          callerVerificationId: verificationId,
        }),
      ),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/did not mention a reset/) });
    expect(await getDb().factorReset.count({ where: { customerId: { in: [customer.id, third.id] } } })).toBe(
      0,
    );
  });

  it("without the customer's yes, a callback or a manual check waits for a supervisor", async () => {
    const agent = await actingAs(await createStaff());
    const customer = await createCustomer();
    const callback = await requestFactorReset(agent, reset(customer.id, customer.factorIds));
    expect(callback).toMatchObject({ ok: true, data: { status: "PENDING_APPROVAL" } });
    const stored = await getDb().factorReset.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(stored.riskReasons.join()).toMatch(/did not confirm on their own device/);

    expect(verificationApprovalReasons("CALLBACK_NUMBER_ON_FILE", false)).toEqual([]);
    expect(verificationApprovalReasons("DOCUMENT_CHECK", false)).toHaveLength(1);
    expect(verificationApprovalReasons("OTHER", false)).toHaveLength(1);
    expect(verificationApprovalReasons("CONFIRMED_BY_CUSTOMER", true)).toEqual([]);
  });
});
