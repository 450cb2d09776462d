// Loads what the verdict is computed from: the risk signals, the contact trust and, for the most
// recent scam report in the risk window, the same correlation the report page shows.
import "server-only";
import { getDb } from "@/lib/db/client";
import { loadCorrelation } from "@/lib/scam-reports/report-detail";
import type { ContactTrust } from "./contact-trust";
import { loadContactTrust } from "./contact-trust-data";
import { getRiskSignals, riskWindowDays } from "./risk-data";
import type { RiskSignal } from "./risk-signals";
import { computeVerdict, sortSignals, type Verdict } from "./verdict";

export type CustomerAssessment = { verdict: Verdict; signals: RiskSignal[]; trust: ContactTrust | null };

/** The customer's row as the customer page has already read it (see assessCustomer). */
export type KnownCustomer = {
  id: string;
  externalId: string;
  fullName: string;
  flaggedAt: Date | null;
  email: string;
  phoneE164: string | null;
};

/**
 * `known` is the customer's row when the caller has already read it: the customer page passes it
 * so that the assessment does not read the same row three more times (risk input, contact trust,
 * the scam report's customer), which matters at dozens of views a second.
 */
export async function assessCustomer(
  customerId: string,
  now = new Date(),
  known?: KnownCustomer,
): Promise<CustomerAssessment> {
  const windowStart = new Date(now.getTime() - riskWindowDays() * 86_400_000);
  const where = { customerId, contactedAt: { gte: windowStart } };
  const orderBy = { contactedAt: "desc" } as const;
  const [signals, trust, report] = await Promise.all([
    getRiskSignals(customerId, now, known),
    loadContactTrust(customerId, { now, contacts: known }),
    known
      ? getDb()
          .scamReport.findFirst({
            where,
            orderBy,
            select: { reference: true, contactedAt: true, sharedSomething: true },
          })
          .then((found) =>
            found
              ? {
                  ...found,
                  customer: { id: known.id, externalId: known.externalId, fullName: known.fullName },
                }
              : null,
          )
      : getDb().scamReport.findFirst({
          where,
          orderBy,
          select: {
            reference: true,
            contactedAt: true,
            sharedSomething: true,
            customer: { select: { id: true, externalId: true, fullName: true } },
          },
        }),
  ]);
  const correlation = report ? await loadCorrelation(report) : null;
  const scamTakeover =
    report && correlation?.likelyTakeover
      ? { reference: report.reference, at: correlation.likelyTakeover.at }
      : null;
  const sorted = sortSignals(signals);
  return { verdict: computeVerdict({ signals: sorted, trust, scamTakeover }), signals: sorted, trust };
}
