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

export async function assessCustomer(customerId: string, now = new Date()): Promise<CustomerAssessment> {
  const windowStart = new Date(now.getTime() - riskWindowDays() * 86_400_000);
  const [signals, trust, report] = await Promise.all([
    getRiskSignals(customerId, now),
    loadContactTrust(customerId, { now }),
    getDb().scamReport.findFirst({
      where: { customerId, contactedAt: { gte: windowStart } },
      orderBy: { contactedAt: "desc" },
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
