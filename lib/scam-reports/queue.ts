// The triage queue: reports newest first, filtered and searched, a page at a time (keyset cursor on
// created_at, id), with duplicate hints and watchlist flags for the rows on the page.
import "server-only";
import { getDb } from "@/lib/db/client";
import { isPlausibleInstant } from "@/lib/http/search-params";
import { isUuid } from "@/lib/ids";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { Prisma } from "@/lib/generated/prisma/client";
import { toE164 } from "./contact-number";
import { candidateWindows, findDuplicateHints, type DuplicateHints } from "./duplicates";
import { normaliseReference } from "./reference";
import type { QueueSort } from "./labels";
import type { QueueFilters } from "./schemas";
import { findWatchlisted } from "./watchlist";

export const QUEUE_PAGE_SIZE = 25;

const ROW_SELECT = {
  id: true,
  reference: true,
  source: true,
  status: true,
  channel: true,
  contactNumberE164: true,
  contactRaw: true,
  claimedOrganisation: true,
  contactedAt: true,
  createdAt: true,
  asks: true,
  sharedSomething: true,
  moneyLostCents: true,
  currency: true,
  customerId: true,
  caseId: true,
  priority: true,
  customer: { select: { id: true, fullName: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ScamReportSelect;

/** A queue row as selected (its type follows the select), with the hints computed for it. */
export type QueueRow = Omit<Prisma.ScamReportGetPayload<{ select: typeof ROW_SELECT }>, "customerId"> & {
  hints: DuplicateHints;
  watchlistReports: number | null;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };

/** What a search box entry means: a reference, a phone number, or text in the sender/organisation. */
export type QueueSearch =
  | { kind: "reference"; reference: string }
  | { kind: "number"; e164: string }
  | { kind: "text"; text: string };

export function classifyQueueSearch(q: string): QueueSearch {
  const reference = /^\s*sr[\s-]?/i.test(q) ? normaliseReference(q) : null;
  if (reference) return { kind: "reference", reference };
  const e164 = toE164(q);
  if (e164) return { kind: "number", e164 };
  return { kind: "text", text: q.trim() };
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

// Newest first (the default, paged deep by agents working the backlog) pages by keyset; the other
// orders page by offset, which a row moving between two clicks can shift by one: acceptable for
// orders a triager reads from the top.
const OFFSET_CURSOR = /^offset:(\d{1,6})$/;

function encodeOffset(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

export function decodeOffset(raw: string | undefined): number {
  if (!raw) return 0;
  const match = OFFSET_CURSOR.exec(Buffer.from(raw, "base64url").toString("utf8"));
  return match ? Number(match[1]) : 0;
}

const ORDERS: Record<QueueSort, Prisma.ScamReportOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  // Within one loss or one priority, the report waiting longest comes first.
  loss: [{ moneyLostCents: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
  priority: [{ priority: "desc" }, { createdAt: "asc" }, { id: "asc" }],
};

function decodeCursor(raw: string | undefined): { createdAt: Date; id: string } | null {
  if (!raw) return null;
  const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!isPlausibleInstant(createdAt) || id === undefined || !isUuid(id)) return null;
  return { createdAt, id };
}

export function buildQueueWhere(
  staff: Pick<CurrentStaff, "id">,
  filters: QueueFilters,
): Prisma.ScamReportWhereInput {
  const and: Prisma.ScamReportWhereInput[] = [];
  const status = filters.status ?? "open";
  if (status === "open") and.push({ status: { in: ["NEW", "TRIAGED", "ESCALATED"] } });
  else if (status !== "all") and.push({ status });
  if (filters.assignee === "me") and.push({ assigneeId: staff.id });
  else if (filters.assignee === "none") and.push({ assigneeId: null });
  else if (filters.assignee) and.push({ assigneeId: filters.assignee });
  if (filters.channel) and.push({ channel: filters.channel });
  if (filters.source) and.push({ source: filters.source });
  if (filters.q) {
    const search = classifyQueueSearch(filters.q);
    if (search.kind === "reference") and.push({ reference: search.reference });
    else if (search.kind === "number")
      and.push({
        OR: [
          { contactNumberE164: search.e164 },
          { contactRaw: { contains: filters.q.trim(), mode: "insensitive" } },
        ],
      });
    else
      and.push({
        OR: [
          { contactRaw: { contains: search.text, mode: "insensitive" } },
          { claimedOrganisation: { contains: search.text, mode: "insensitive" } },
        ],
      });
  }
  const cursor = (filters.sort ?? "newest") === "newest" ? decodeCursor(filters.cursor) : null;
  if (cursor)
    and.push({
      OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
    });
  return { AND: and };
}

export async function listScamReports(
  staff: Pick<CurrentStaff, "id">,
  filters: QueueFilters,
  take = QUEUE_PAGE_SIZE,
): Promise<QueuePage> {
  const db = getDb();
  const sort = filters.sort ?? "newest";
  const offset = sort === "newest" ? 0 : decodeOffset(filters.cursor);
  const found = await db.scamReport.findMany({
    where: buildQueueWhere(staff, filters),
    orderBy: ORDERS[sort],
    skip: offset,
    take: take + 1,
    select: ROW_SELECT,
  });
  const page = found.slice(0, take);
  const windows = candidateWindows(page);
  const [candidates, watchlisted] = await Promise.all([
    windows.length
      ? db.scamReport.findMany({
          where: { OR: windows },
          take: 2_000,
          select: { id: true, reference: true, contactNumberE164: true, customerId: true, contactedAt: true },
        })
      : Promise.resolve([]),
    findWatchlisted(page.flatMap((row) => (row.contactNumberE164 ? [row.contactNumberE164] : []))),
  ]);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ customerId: _customerId, ...row }) => ({
      ...row,
      hints: findDuplicateHints({ ...row, customerId: row.customer?.id ?? null }, candidates),
      watchlistReports: row.contactNumberE164
        ? (watchlisted.get(row.contactNumberE164)?.reports ?? null)
        : null,
    })),
    nextCursor:
      found.length > take && last
        ? sort === "newest"
          ? encodeCursor(last)
          : encodeOffset(offset + take)
        : null,
  };
}

const TRIAGE_SELECT = {
  id: true,
  reference: true,
  channel: true,
  contactRaw: true,
  claimedOrganisation: true,
  moneyLostCents: true,
  currency: true,
  createdAt: true,
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ScamReportSelect;

export type TriageItem = Prisma.ScamReportGetPayload<{ select: typeof TRIAGE_SELECT }>;

/**
 * New reports nobody has triaged yet, for the home page: money lost first (largest first), then the
 * longest waiting, so a reported loss is never buried under newer calls.
 */
export async function listReportsToTriage(take = 10): Promise<TriageItem[]> {
  return getDb().scamReport.findMany({
    where: { status: "NEW" },
    orderBy: [{ moneyLostCents: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take,
    select: TRIAGE_SELECT,
  });
}

/** New reports nobody has triaged: a count as a subquery (see lib/workspace/workload.ts). */
export function reportsToTriageCount(): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM scam_reports WHERE status = 'NEW')`;
}

const FOUND_SELECT = {
  id: true,
  reference: true,
  status: true,
  channel: true,
  contactRaw: true,
  contactedAt: true,
} satisfies Prisma.ScamReportSelect;

export type FoundReport = Prisma.ScamReportGetPayload<{ select: typeof FOUND_SELECT }>;

/**
 * The console search's answer for reports: by reference ("SR-4KX9-2M7Q", typed loosely) or by the
 * caller's number in any format, newest contact first. Other text finds no report here (the
 * queue's own search looks in organisations and senders).
 */
export async function findReportsForSearch(q: string, take = 10): Promise<FoundReport[]> {
  const search = classifyQueueSearch(q);
  if (search.kind === "reference")
    return getDb().scamReport.findMany({ where: { reference: search.reference }, select: FOUND_SELECT });
  if (search.kind === "number")
    return getDb().scamReport.findMany({
      where: { contactNumberE164: search.e164 },
      orderBy: [{ contactedAt: "desc" }, { id: "desc" }],
      take,
      select: FOUND_SELECT,
    });
  return [];
}

/** References for report ids, for pages that name reports (the audit log). */
export async function findReportReferences(ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter((id) => isUuid(id)))];
  if (valid.length === 0) return new Map();
  const rows = await getDb().scamReport.findMany({
    where: { id: { in: valid } },
    select: { id: true, reference: true },
  });
  return new Map(rows.map((row) => [row.id, row.reference]));
}
