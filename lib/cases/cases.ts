// Compromised-account cases: opened for a customer, worked through a playbook checklist, with a
// timeline of notes and status changes. This module is the only writer of cases and case notes:
// other areas (resets, scam reports, the customer's "this wasn't me" link) open and note cases
// through the *InTx functions, inside their own transaction, so every change is audited here.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent, type AuditActor } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fail, failWithLinks, succeed, type Result } from "@/lib/result";
import { PLAYBOOKS, type CaseType } from "./playbooks";
import type { CaseStatus } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Who changes a case: a signed-in staff member, or the desk acting on a customer's own report. */
export type CaseAuthor = StaffContext | { staff: null; actor: AuditActor; ip?: string };

type NoteKind = "NOTE" | "STATUS_CHANGE" | "CHECKLIST" | "SYSTEM";

export type OpenCaseInput = { customerId: string; type: CaseType; subject: string; note?: string };

/** Opens a case inside the caller's transaction; a staff author becomes its opener and assignee. */
export async function openCaseInTx(
  tx: Tx,
  by: CaseAuthor,
  input: OpenCaseInput,
): Promise<{ id: string; number: number }> {
  const staffId = by.staff?.id ?? null;
  const created = await tx.case.create({
    data: {
      customerId: input.customerId,
      type: input.type,
      subject: input.subject,
      openedById: staffId,
      assigneeId: staffId,
      status: "OPEN",
    },
    select: { id: true, number: true },
  });
  if (input.note)
    await tx.caseNote.create({
      data: { caseId: created.id, authorId: staffId, kind: staffId ? "NOTE" : "SYSTEM", body: input.note },
    });
  await appendAuditEvent(tx, {
    actor: by.actor,
    action: "case.opened",
    target: { type: "case", id: created.id },
    ip: by.ip,
    data: { number: created.number, type: input.type, customerId: input.customerId },
  });
  return created;
}

/**
 * A line on the case's timeline written by another area as part of its own audited change (a
 * reset requested, approved, done): that area's audit event records the change itself.
 */
export async function addSystemNoteInTx(tx: Tx, by: CaseAuthor, caseId: string, body: string): Promise<void> {
  await tx.caseNote.create({ data: { caseId, authorId: by.staff?.id ?? null, kind: "SYSTEM", body } });
  await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
}

/** Puts a case back in front of staff (open again if it was closed), with a note saying why. */
export async function reopenCaseInTx(tx: Tx, by: CaseAuthor, caseId: string, note: string): Promise<void> {
  const current = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, number: true },
  });
  await tx.case.update({ where: { id: caseId }, data: { status: "OPEN", closedAt: null } });
  await tx.caseNote.create({ data: { caseId, authorId: by.staff?.id ?? null, kind: "SYSTEM", body: note } });
  await appendAuditEvent(tx, {
    actor: by.actor,
    action: current.status === "CLOSED" ? "case.reopened" : "case.status_changed",
    target: { type: "case", id: caseId },
    ip: by.ip,
    data: { number: current.number, from: current.status, to: "OPEN" },
  });
}

/** The customer's open compromised-account case: there is at most one, and work goes on there. */
export async function findOpenCompromisedCase(
  tx: Tx,
  customerId: string,
): Promise<{ id: string; number: number } | null> {
  return tx.case.findFirst({
    where: { customerId, type: "COMPROMISED_ACCOUNT", status: { not: "CLOSED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, number: true },
  });
}

const alreadyOpen = (existing: { number: number }) =>
  `Case C-${existing.number} is already open for this customer's compromised account: work on it there.`;

/** A checklist entry: who ticked it and when; `via` names the audited action that fulfilled it. */
export type ChecklistEntry = { doneAt: string; doneBy: string; via?: string; viaCustomerId?: string };

/**
 * Ticks playbook steps that an account action just fulfilled (a reset ticks "reset 2FA"), on each
 * of the customer's open cases whose playbook has them, with a timeline note and an audit event
 * naming the action. Steps already ticked are left as they are.
 */
export async function completeChecklistStepsInTx(
  tx: Tx,
  by: CaseAuthor,
  customerId: string,
  steps: readonly string[],
  via: { auditAction: string; description: string },
): Promise<number> {
  if (steps.length === 0) return 0;
  const cases = await tx.$queryRaw<CaseRow[]>`
    SELECT id, status::text AS status, checklist, number FROM cases
    WHERE customer_id = ${customerId}::uuid AND status <> 'CLOSED' ORDER BY created_at FOR UPDATE`;
  let ticked = 0;
  for (const current of cases) {
    const kase = await tx.case.findUniqueOrThrow({ where: { id: current.id }, select: { type: true } });
    const checklist = { ...((current.checklist ?? {}) as Record<string, unknown>) };
    const items = PLAYBOOKS[kase.type].filter((item) => steps.includes(item.key) && !checklist[item.key]);
    if (items.length === 0) continue;
    const entry: ChecklistEntry = {
      doneAt: new Date().toISOString(),
      doneBy: by.staff?.name ?? by.actor.label ?? "the desk",
      via: via.auditAction,
      viaCustomerId: customerId,
    };
    for (const item of items) checklist[item.key] = entry;
    await tx.case.update({
      where: { id: current.id },
      data: { checklist: checklist as Prisma.InputJsonValue, updatedAt: new Date() },
    });
    for (const item of items) {
      await tx.caseNote.create({
        data: {
          caseId: current.id,
          authorId: by.staff?.id ?? null,
          kind: "CHECKLIST",
          body: `Done by ${via.description}: ${item.label}`,
        },
      });
      await appendAuditEvent(tx, {
        actor: by.actor,
        action: "case.checklist_changed",
        target: { type: "case", id: current.id },
        ip: by.ip,
        data: { number: current.number, item: item.key, done: true, via: via.auditAction },
      });
      ticked += 1;
    }
  }
  return ticked;
}

export async function openCase(
  ctx: StaffContext,
  input: OpenCaseInput,
): Promise<Result<{ id: string; number: number }>> {
  const db = getDb();
  // The customer id comes from the request: it must name a real customer.
  const customer = await db.customer.findUnique({ where: { id: input.customerId }, select: { id: true } });
  if (!customer) return fail("That customer does not exist.", "customerId");
  return db.$transaction(async (tx) => {
    if (input.type === "COMPROMISED_ACCOUNT") {
      // Serialises two agents opening one at once: both lock the customer first.
      await tx.$queryRaw`SELECT id FROM customers WHERE id = ${customer.id}::uuid FOR UPDATE`;
      const existing = await findOpenCompromisedCase(tx, customer.id);
      if (existing)
        return failWithLinks(
          alreadyOpen(existing),
          [{ label: `Open case C-${existing.number}`, href: `/console/cases/${existing.id}` }],
          "type",
        );
    }
    const created = await openCaseInTx(tx, ctx, input);
    return succeed(`Case C-${created.number} opened.`, created);
  });
}

type CaseRow = { id: string; status: CaseStatus; checklist: Prisma.JsonValue; number: number };
type CaseChange = {
  action: string;
  message: string;
  data?: Record<string, unknown>;
  note?: { kind: NoteKind; body: string };
};

async function changeCase(
  ctx: StaffContext,
  caseId: string,
  apply: (tx: Tx, current: CaseRow) => Promise<CaseChange | string>,
): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    // Row lock: two agents changing the same case apply one after the other, never half each.
    const [current] = await tx.$queryRaw<CaseRow[]>`
      SELECT id, status::text AS status, checklist, number FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`;
    if (!current) return fail("That case does not exist.");
    const outcome = await apply(tx, current);
    if (typeof outcome === "string") return fail(outcome);
    if (outcome.note)
      await tx.caseNote.create({
        data: { caseId, authorId: ctx.staff.id, kind: outcome.note.kind, body: outcome.note.body },
      });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: outcome.action,
      target: { type: "case", id: caseId },
      ip: ctx.ip,
      data: { number: current.number, ...outcome.data },
    });
    return succeed(outcome.message);
  });
}

export function addCaseNote(ctx: StaffContext, input: { caseId: string; body: string }): Promise<Result> {
  return changeCase(ctx, input.caseId, () =>
    Promise.resolve({
      action: "case.note_added",
      message: "Note added.",
      note: { kind: "NOTE", body: input.body },
    }),
  );
}

export function setCaseStatus(
  ctx: StaffContext,
  input: { caseId: string; status: CaseStatus; outcome?: string },
): Promise<Result> {
  const { caseId, status, outcome } = input;
  return changeCase(ctx, caseId, async (tx, current) => {
    if (current.status === status) return "The case already has that status.";
    if (status === "CLOSED" && !outcome) return "Say what the outcome was before closing the case.";
    await tx.case.update({
      where: { id: caseId },
      data: {
        status,
        closedAt: status === "CLOSED" ? new Date() : null,
        ...(status === "CLOSED" ? { outcome } : {}),
      },
    });
    const words = status.toLowerCase().replaceAll("_", " ");
    return {
      action:
        status === "CLOSED"
          ? "case.closed"
          : current.status === "CLOSED"
            ? "case.reopened"
            : "case.status_changed",
      message: "Status changed.",
      data: { from: current.status, to: status },
      note: {
        kind: "STATUS_CHANGE",
        body: status === "CLOSED" ? `Closed: ${outcome}` : `Status changed to ${words}.`,
      },
    };
  });
}

export function assignCase(
  ctx: StaffContext,
  input: { caseId: string; assigneeId: string | null },
): Promise<Result> {
  const { caseId, assigneeId } = input;
  return changeCase(ctx, caseId, async (tx) => {
    if (assigneeId) {
      const assignee = await tx.staffUser.findFirst({
        where: { id: assigneeId, deactivatedAt: null },
        select: { name: true },
      });
      if (!assignee) return "Choose an active staff member.";
      await tx.case.update({ where: { id: caseId }, data: { assigneeId } });
      return {
        action: "case.assigned",
        message: "Assignee changed.",
        data: { assigneeId },
        note: { kind: "SYSTEM", body: `Assigned to ${assignee.name}.` },
      };
    }
    await tx.case.update({ where: { id: caseId }, data: { assigneeId: null } });
    return {
      action: "case.assigned",
      message: "Assignee changed.",
      data: { assigneeId: null },
      note: { kind: "SYSTEM", body: "Unassigned." },
    };
  });
}

/**
 * Assigns several cases in one transaction, each with its own note and audit event. All or none:
 * a case that does not exist or is closed refuses the whole request, naming it, and nothing changes.
 */
export async function assignCases(
  ctx: StaffContext,
  input: { caseIds: string[]; assigneeId: string },
): Promise<Result<{ count: number }>> {
  return getDb().$transaction(async (tx) => {
    const assignee = await tx.staffUser.findFirst({
      where: { id: input.assigneeId, deactivatedAt: null },
      select: { name: true },
    });
    if (!assignee) return fail("Choose an active staff member.", "assigneeId");
    // Row locks in one order (by id), so two bulk assignments never deadlock each other.
    const rows = await tx.$queryRaw<{ id: string; number: number; status: CaseStatus }[]>`
      SELECT id, number, status::text AS status FROM cases
      WHERE id = ANY(${input.caseIds}::uuid[]) ORDER BY id FOR UPDATE`;
    if (rows.length !== input.caseIds.length)
      return fail("One of the ticked cases does not exist. Nothing was assigned.", "caseIds");
    const closed = rows.filter((row) => row.status === "CLOSED").map((row) => `C-${row.number}`);
    if (closed.length > 0)
      return fail(`Closed cases cannot be assigned (${closed.join(", ")}). Nothing was assigned.`, "caseIds");
    for (const row of rows) {
      await tx.case.update({
        where: { id: row.id },
        data: { assigneeId: input.assigneeId, updatedAt: new Date() },
      });
      await tx.caseNote.create({
        data: {
          caseId: row.id,
          authorId: ctx.staff.id,
          kind: "SYSTEM",
          body: `Assigned to ${assignee.name}.`,
        },
      });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: "case.assigned",
        target: { type: "case", id: row.id },
        ip: ctx.ip,
        data: { number: row.number, assigneeId: input.assigneeId, bulk: true },
      });
    }
    const numbers = rows.map((row) => row.number).sort((a, b) => a - b);
    return succeed(
      `${rows.length === 1 ? "Case" : `${rows.length} cases`} assigned to ${assignee.name}: ${numbers.map((n) => `C-${n}`).join(", ")}.`,
      { count: rows.length },
    );
  });
}

export function setChecklistItem(
  ctx: StaffContext,
  input: { caseId: string; item: string; done: boolean },
): Promise<Result> {
  const { caseId, item, done } = input;
  return changeCase(ctx, caseId, async (tx, current) => {
    const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { type: true } });
    const entry = PLAYBOOKS[kase.type].find((candidate) => candidate.key === item);
    if (!entry) return "That step is not part of this case's checklist.";
    const checklist = { ...((current.checklist ?? {}) as Record<string, unknown>) };
    if (done) checklist[item] = { doneAt: new Date().toISOString(), doneBy: ctx.staff.name };
    else delete checklist[item];
    await tx.case.update({ where: { id: caseId }, data: { checklist: checklist as Prisma.InputJsonValue } });
    return {
      action: "case.checklist_changed",
      message: "Checklist updated.",
      data: { item, done },
      note: { kind: "CHECKLIST", body: `${done ? "Done" : "Not done"}: ${entry.label}` },
    };
  });
}
