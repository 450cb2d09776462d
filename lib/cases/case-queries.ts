import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_CASE_SORT, type CASE_STATUSES, type CASE_TYPES, type CaseSort } from "./schemas";

export type CaseListFilters = {
  status?: (typeof CASE_STATUSES)[number] | "ACTIVE";
  type?: (typeof CASE_TYPES)[number];
  assignee?: string;
  page?: number;
  sort?: CaseSort;
};

function caseOrder(sort: CaseSort): Prisma.CaseOrderByWithRelationInput[] {
  const direction = sort.descending ? "desc" : "asc";
  // The number breaks ties, so pages never repeat or skip a case.
  if (sort.key === "number") return [{ number: direction }];
  // Most urgent first, and within one priority the case waiting longest.
  if (sort.key === "priority") return [{ priority: direction }, { createdAt: "asc" }, { number: "asc" }];
  return [sort.key === "opened" ? { createdAt: direction } : { updatedAt: direction }, { number: direction }];
}
export const CASES_PAGE_SIZE = 50;

export async function listCases(filters: CaseListFilters) {
  const where: Prisma.CaseWhereInput = {
    ...(filters.status === "ACTIVE" || !filters.status
      ? { status: { not: "CLOSED" } }
      : { status: filters.status }),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.assignee ? { assigneeId: filters.assignee } : {}),
  };
  const rows = await getDb().case.findMany({
    where,
    orderBy: caseOrder(filters.sort ?? DEFAULT_CASE_SORT),
    skip: (filters.page ?? 0) * CASES_PAGE_SIZE,
    take: CASES_PAGE_SIZE + 1,
    select: {
      id: true,
      number: true,
      type: true,
      status: true,
      subject: true,
      createdAt: true,
      updatedAt: true,
      priority: true,
      assigneeId: true,
      customer: { select: { id: true, fullName: true } },
      assignee: { select: { name: true } },
    },
  });
  return { rows: rows.slice(0, CASES_PAGE_SIZE), hasMore: rows.length > CASES_PAGE_SIZE };
}

export async function getCaseDetail(caseId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  return getDb().case.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      number: true,
      type: true,
      status: true,
      subject: true,
      outcome: true,
      checklist: true,
      createdAt: true,
      updatedAt: true,
      closedAt: true,
      assigneeId: true,
      customer: { select: { id: true, fullName: true, externalId: true } },
      openedBy: { select: { name: true } },
      notes: {
        orderBy: { createdAt: "asc" },
        take: 500,
        select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
      factorResets: {
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, createdAt: true, riskReasons: true },
      },
      scamReports: { select: { id: true, reference: true, contactedAt: true } },
    },
  });
}

export async function listAssignableStaff() {
  return getDb().staffUser.findMany({
    where: { deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** A case as the home page's work lists show it: who, what, and how long it has waited. */
const WORK_CASE_SELECT = {
  id: true,
  number: true,
  type: true,
  status: true,
  subject: true,
  createdAt: true,
  customer: { select: { id: true, fullName: true } },
} satisfies Prisma.CaseSelect;

export type WorkCase = Prisma.CaseGetPayload<{ select: typeof WORK_CASE_SELECT }>;

/** Open (not closed) cases assigned to the staff member, oldest first: the one waiting longest on top. */
export async function listMyOpenCases(staffId: string, take = 25): Promise<WorkCase[]> {
  return getDb().case.findMany({
    where: { assigneeId: staffId, status: { not: "CLOSED" } },
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    take,
    select: WORK_CASE_SELECT,
  });
}

/** Open cases nobody has taken, oldest first. */
export async function listUnassignedCases(take = 10): Promise<WorkCase[]> {
  return getDb().case.findMany({
    where: { assigneeId: null, status: { not: "CLOSED" } },
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    take,
    select: WORK_CASE_SELECT,
  });
}

/**
 * Open cases assigned to the staff member, and open cases nobody has taken: counts as subqueries,
 * which the console's workload statement puts together with the other areas' (lib/workspace/workload.ts)
 * so that the navigation's badges cost one round trip on every page.
 */
export function myOpenCasesCount(staffId: string): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM cases WHERE assignee_id = ${staffId}::uuid AND status <> 'CLOSED')`;
}

export function unassignedCasesCount(): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM cases WHERE assignee_id IS NULL AND status <> 'CLOSED')`;
}
