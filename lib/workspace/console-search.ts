// The top bar's search: one box that finds customers (the audited customer search), cases by
// number, scam reports by reference or caller number, and staff by name. The text is classified
// first so each kind is asked only when the text could name one, and a customer search (which is
// audited, and is itself a look at personal data) is not run for "C-1042" or "SR-…".
import { hasControlCharacters } from "@/lib/forms/storable-text";
import "server-only";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/current-staff";
import { findCaseByNumber, type CaseSummary } from "@/lib/cases/case-lookup";
import { searchCustomers, type CustomerSummary } from "@/lib/customers/customer-search";
import { findReportsForSearch, type FoundReport } from "@/lib/scam-reports/queue";
import { normaliseReference } from "@/lib/scam-reports/reference";
import { searchStaffByName, type StaffMatch } from "@/lib/staff/staff-admin";

export type ConsoleQuery =
  | { kind: "empty" }
  | { kind: "invalid"; message: string }
  /** "C-1042": a case and nothing else. */
  | { kind: "case"; number: number }
  /** "SR-4KX9-2M7Q": a report and nothing else. */
  | { kind: "report"; reference: string }
  /** Anything else: every kind that could match; digits alone may also be a case number. */
  | { kind: "text"; text: string; caseNumber: number | null };

const MAX_CASE_NUMBER = 2_147_483_647;

export function classifyConsoleQuery(raw: string): ConsoleQuery {
  const text = raw.trim();
  if (!text) return { kind: "empty" };
  if (text.length > 200)
    return { kind: "invalid", message: "That is too long to search for: 200 characters at most." };
  if (hasControlCharacters(text))
    return { kind: "invalid", message: "That contains characters no name, number or reference has." };
  const explicitCase = /^c\s*-?\s*(\d+)$/i.exec(text);
  if (explicitCase) {
    const number = Number(explicitCase[1]);
    if (number < 1 || number > MAX_CASE_NUMBER)
      return { kind: "invalid", message: "No case has that number." };
    return { kind: "case", number };
  }
  if (/^sr[\s-]?/i.test(text)) {
    const reference = normaliseReference(text);
    if (reference) return { kind: "report", reference };
  }
  const digits = /^\d{1,10}$/.test(text) ? Number(text) : null;
  return {
    kind: "text",
    text,
    caseNumber: digits !== null && digits >= 1 && digits <= MAX_CASE_NUMBER ? digits : null,
  };
}

export type ConsoleSearchResult = {
  query: ConsoleQuery;
  cases: CaseSummary[];
  customers: CustomerSummary[];
  /** Why the customer search refused the text, when it was asked and did. */
  customerMessage: string | null;
  reports: FoundReport[];
  staff: StaffMatch[];
};

/** Short runs of digits are case numbers, not names or phone numbers: no customer search for them. */
function couldNameCustomer(text: string): boolean {
  return !/^\d{1,5}$/.test(text);
}

export async function searchConsole(ctx: StaffContext, raw: string): Promise<ConsoleSearchResult> {
  const query = classifyConsoleQuery(raw);
  const empty = { query, cases: [], customers: [], customerMessage: null, reports: [], staff: [] };
  const { staff } = ctx;
  switch (query.kind) {
    case "empty":
    case "invalid":
      return empty;
    case "case": {
      const found = can(staff, "case:work") ? await findCaseByNumber(query.number) : null;
      return { ...empty, cases: found ? [found] : [] };
    }
    case "report":
      return {
        ...empty,
        reports: can(staff, "scam-report:triage") ? await findReportsForSearch(query.reference) : [],
      };
    case "text": {
      const [found, customers, reports, colleagues] = await Promise.all([
        query.caseNumber !== null && can(staff, "case:work")
          ? findCaseByNumber(query.caseNumber)
          : Promise.resolve(null),
        couldNameCustomer(query.text) && can(staff, "customer:search")
          ? searchCustomers(ctx, { q: query.text })
          : Promise.resolve(null),
        can(staff, "scam-report:triage") ? findReportsForSearch(query.text) : Promise.resolve([]),
        /\p{L}/u.test(query.text) ? searchStaffByName(query.text) : Promise.resolve([]),
      ]);
      return {
        query,
        cases: found ? [found] : [],
        customers: customers?.ok ? customers.customers : [],
        customerMessage: customers && !customers.ok ? customers.message : null,
        reports,
        staff: colleagues,
      };
    }
  }
}
