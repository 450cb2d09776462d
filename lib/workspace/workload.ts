// What is waiting for the signed-in staff member: the home page lists it, the navigation shows its
// counts. Each area answers for its own tables, as a count subquery; this module puts them in one
// statement, once per request (the layout and the home page share it through React's cache).
import "server-only";
import { cache } from "react";
import { can, type Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { pendingRestoresCount } from "@/lib/account-actions/contact-restores";
import { myOpenCasesCount, unassignedCasesCount } from "@/lib/cases/case-queries";
import { pendingResetsCount } from "@/lib/resets/factor-resets";
import { reportsToTriageCount } from "@/lib/scam-reports/queue";
import { failingDeliveriesCount } from "@/lib/integrations/deliveries";

export type WorkloadCounts = {
  /** Open cases assigned to the staff member. */
  myCases: number;
  /** Open cases nobody has taken. */
  unassignedCases: number;
  /** Resets and contact restores the staff member may decide (null: not a supervisor). */
  approvals: number | null;
  /** New scam reports nobody has triaged (null: may not triage). */
  reportsToTriage: number | null;
  /** Account actions the identity system has not accepted: failing or given up (null: not an admin). */
  failingDeliveries: number | null;
};

const NOT_COUNTED = Prisma.sql`NULL::int`;

type CountsRow = {
  myCases: number | null;
  unassignedCases: number | null;
  resets: number | null;
  restores: number | null;
  reportsToTriage: number | null;
  failingDeliveries: number | null;
};

export const countWorkload = cache(async (staffId: string, role: Role): Promise<WorkloadCounts> => {
  const actor = { id: staffId, role };
  const works = can(actor, "case:work");
  const approves = can(actor, "reset:approve");
  const triages = can(actor, "scam-report:triage");
  const integrates = can(actor, "integration:manage");
  // Every count in one statement: the layout runs this on every console page, and each round trip
  // costs the server more than PostgreSQL spends on these index lookups. Counts the role may not see
  // are not computed at all.
  const rows = await getDb().$queryRaw<CountsRow[]>`
    SELECT ${works ? myOpenCasesCount(staffId) : NOT_COUNTED} AS "myCases",
           ${works ? unassignedCasesCount() : NOT_COUNTED} AS "unassignedCases",
           ${approves ? pendingResetsCount(staffId) : NOT_COUNTED} AS resets,
           ${approves ? pendingRestoresCount(staffId) : NOT_COUNTED} AS restores,
           ${triages ? reportsToTriageCount() : NOT_COUNTED} AS "reportsToTriage",
           ${integrates ? failingDeliveriesCount() : NOT_COUNTED} AS "failingDeliveries"`;
  const counts = rows[0];
  return {
    myCases: counts?.myCases ?? 0,
    unassignedCases: counts?.unassignedCases ?? 0,
    approvals: approves ? (counts?.resets ?? 0) + (counts?.restores ?? 0) : null,
    reportsToTriage: triages ? (counts?.reportsToTriage ?? 0) : null,
    failingDeliveries: integrates ? (counts?.failingDeliveries ?? 0) : null,
  };
});
