// What is waiting for the signed-in staff member: the home page lists it, the navigation shows its
// counts. Each area answers for its own tables; this module only puts the answers together, once
// per request (the layout and the home page share it through React's cache).
import "server-only";
import { cache } from "react";
import { can, type Role } from "@/lib/auth/permissions";
import { countPendingRestores } from "@/lib/account-actions/contact-restores";
import { countCaseWork } from "@/lib/cases/case-queries";
import { countPendingResets } from "@/lib/resets/factor-resets";
import { countReportsToTriage } from "@/lib/scam-reports/queue";
import { countFailingDeliveries } from "@/lib/integrations/deliveries";

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

export const countWorkload = cache(async (staffId: string, role: Role): Promise<WorkloadCounts> => {
  const actor = { id: staffId, role };
  const approves = can(actor, "reset:approve");
  const triages = can(actor, "scam-report:triage");
  const integrates = can(actor, "integration:manage");
  const [cases, resets, restores, reports, failing] = await Promise.all([
    can(actor, "case:work") ? countCaseWork(staffId) : Promise.resolve({ mine: 0, unassigned: 0 }),
    approves ? countPendingResets(staffId) : Promise.resolve(0),
    approves ? countPendingRestores(staffId) : Promise.resolve(0),
    triages ? countReportsToTriage() : Promise.resolve(0),
    integrates ? countFailingDeliveries() : Promise.resolve(0),
  ]);
  return {
    myCases: cases.mine,
    unassignedCases: cases.unassigned,
    approvals: approves ? resets + restores : null,
    reportsToTriage: triages ? reports : null,
    failingDeliveries: integrates ? failing : null,
  };
});
