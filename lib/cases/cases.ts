// Compromised-account cases: opened for a customer, worked through a playbook checklist, with a
// timeline of notes and status changes. Every change is audited in its own transaction.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PLAYBOOKS, type CaseType } from "./playbooks";

type Tx = Prisma.TransactionClient;
type Result<Data = undefined> = { ok: true; data: Data } | { ok: false; message: string };

const actorOf = (staff: CurrentStaff) => ({ type: "STAFF" as const, id: staff.id, label: staff.email });

export type OpenCaseInput = { customerId: string; type: CaseType; subject: string; note?: string; scamReportId?: string };

/** Opens a case inside an existing transaction (used by resets and scam reports too). */
export async function openCaseInTx(tx: Tx, staff: CurrentStaff, input: OpenCaseInput, ip?: string): Promise<{ id: string; number: number }> {
  const created = await tx.case.create({
    data: { customerId: input.customerId, type: input.type, subject: input.subject, openedById: staff.id, assigneeId: staff.id, status: "OPEN" },
    select: { id: true, number: true },
  });
  if (input.note) await tx.caseNote.create({ data: { caseId: created.id, authorId: staff.id, body: input.note } });
  if (input.scamReportId) {
    await tx.scamReport.updateMany({ where: { id: input.scamReportId, customerId: input.customerId }, data: { caseId: created.id } });
  }
  await appendAuditEvent(tx, {
    actor: actorOf(staff),
    action: "case.opened",
    target: { type: "case", id: created.id },
    ip,
    data: { number: created.number, type: input.type, customerId: input.customerId, scamReportId: input.scamReportId },
  });
  return created;
}

export async function openCase(staff: CurrentStaff, input: OpenCaseInput, ip?: string): Promise<Result<{ id: string; number: number }>> {
  const db = getDb();
  // The customer id comes from the request: it must name a real customer.
  const customer = await db.customer.findUnique({ where: { id: input.customerId }, select: { id: true } });
  if (!customer) return { ok: false, message: "That customer does not exist." };
  const created = await db.$transaction((tx) => openCaseInTx(tx, staff, input, ip));
  return { ok: true, data: created };
}

async function changeCase(
  staff: CurrentStaff,
  caseId: string,
  ip: string | undefined,
  apply: (tx: Tx, current: { id: string; status: string; checklist: Prisma.JsonValue; number: number }) => Promise<{ action: string; data?: Record<string, unknown>; note?: { kind: "NOTE" | "STATUS_CHANGE" | "CHECKLIST" | "SYSTEM"; body: string } } | string>,
): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    // Row lock: two agents changing the same case apply one after the other, never half each.
    const [current] = await tx.$queryRaw<{ id: string; status: string; checklist: Prisma.JsonValue; number: number }[]>`
      SELECT id, status::text, checklist, number FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`;
    if (!current) return { ok: false as const, message: "That case does not exist." };
    const outcome = await apply(tx, current);
    if (typeof outcome === "string") return { ok: false as const, message: outcome };
    if (outcome.note) await tx.caseNote.create({ data: { caseId, authorId: staff.id, kind: outcome.note.kind, body: outcome.note.body } });
    await tx.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
    await appendAuditEvent(tx, { actor: actorOf(staff), action: outcome.action, target: { type: "case", id: caseId }, ip, data: { number: current.number, ...outcome.data } });
    return { ok: true as const, data: undefined };
  });
}

export function addCaseNote(staff: CurrentStaff, caseId: string, body: string, ip?: string) {
  return changeCase(staff, caseId, ip, () => Promise.resolve({ action: "case.note_added", note: { kind: "NOTE" as const, body } }));
}

export function setCaseStatus(staff: CurrentStaff, caseId: string, status: "OPEN" | "IN_PROGRESS" | "WAITING_ON_CUSTOMER" | "CLOSED", outcome: string | undefined, ip?: string) {
  return changeCase(staff, caseId, ip, async (tx, current) => {
    if (current.status === status) return "The case already has that status.";
    if (status === "CLOSED" && !outcome) return "Say what the outcome was before closing the case.";
    await tx.case.update({
      where: { id: caseId },
      data: { status, closedAt: status === "CLOSED" ? new Date() : null, ...(status === "CLOSED" ? { outcome } : {}) },
    });
    const words = status.toLowerCase().replaceAll("_", " ");
    return {
      action: status === "CLOSED" ? "case.closed" : current.status === "CLOSED" ? "case.reopened" : "case.status_changed",
      data: { from: current.status, to: status },
      note: { kind: "STATUS_CHANGE", body: status === "CLOSED" ? `Closed: ${outcome}` : `Status changed to ${words}.` },
    };
  });
}

export function assignCase(staff: CurrentStaff, caseId: string, assigneeId: string | null, ip?: string) {
  return changeCase(staff, caseId, ip, async (tx) => {
    if (assigneeId) {
      const assignee = await tx.staffUser.findFirst({ where: { id: assigneeId, deactivatedAt: null }, select: { name: true } });
      if (!assignee) return "Choose an active staff member.";
      await tx.case.update({ where: { id: caseId }, data: { assigneeId } });
      return { action: "case.assigned", data: { assigneeId }, note: { kind: "SYSTEM", body: `Assigned to ${assignee.name}.` } };
    }
    await tx.case.update({ where: { id: caseId }, data: { assigneeId: null } });
    return { action: "case.assigned", data: { assigneeId: null }, note: { kind: "SYSTEM", body: "Unassigned." } };
  });
}

export function setChecklistItem(staff: CurrentStaff, caseId: string, item: string, done: boolean, ip?: string) {
  return changeCase(staff, caseId, ip, async (tx, current) => {
    const kase = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { type: true } });
    const entry = PLAYBOOKS[kase.type].find((candidate) => candidate.key === item);
    if (!entry) return "That step is not part of this case's checklist.";
    const checklist = { ...((current.checklist ?? {}) as Record<string, unknown>) };
    if (done) checklist[item] = { doneAt: new Date().toISOString(), doneBy: staff.name };
    else delete checklist[item];
    await tx.case.update({ where: { id: caseId }, data: { checklist: checklist as Prisma.InputJsonValue } });
    return { action: "case.checklist_changed", data: { item, done }, note: { kind: "CHECKLIST", body: `${done ? "Done" : "Not done"}: ${entry.label}` } };
  });
}
