// Loads what the verdict is computed from: the risk signals, the contact trust and, for the most
// recent scam report in the risk window, the same correlation the report page shows.
import "server-only";
import { loadCorrelation } from "@/lib/scam-reports/report-detail";
import type { ContactTrust } from "./contact-trust";
import { loadContactTrust } from "./contact-trust-data";
import { latestScamReport, loadRiskInput } from "./risk-data";
import { computeRiskSignals, type RiskSignal } from "./risk-signals";
import { computeVerdict, sortSignals, type Verdict } from "./verdict";

export type CustomerAssessment = { verdict: Verdict; signals: RiskSignal[]; trust: ContactTrust | null };

/** The customer's contacts as the customer page has already read them (see assessCustomer). */
export type KnownCustomer = { email: string; phoneE164: string | null };

/**
 * `known` is the customer's contacts when the caller has already read them: the customer page passes it
 * so that the contact trust does not read the same row again, which matters at dozens of views a
 * second. The latest scam report in the window comes with the risk input (same statement).
 */
export async function assessCustomer(
  customerId: string,
  now = new Date(),
  known?: KnownCustomer,
): Promise<CustomerAssessment> {
  const [input, trust] = await Promise.all([
    loadRiskInput(customerId, now),
    loadContactTrust(customerId, { now, contacts: known }),
  ]);
  const report = input ? latestScamReport(input) : null;
  const correlation = report ? await loadCorrelation({ ...report, customer: { id: customerId } }) : null;
  const scamTakeover =
    report && correlation?.likelyTakeover
      ? { reference: report.reference, at: correlation.likelyTakeover.at }
      : null;
  const sorted = sortSignals(input ? computeRiskSignals(input) : []);
  return { verdict: computeVerdict({ signals: sorted, trust, scamTakeover }), signals: sorted, trust };
}
