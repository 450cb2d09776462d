// The audit log stores ids (they never change; names do). The log's page shows names: for one page
// of events, each kind of id is looked up once in the area that owns it.
import "server-only";
import { findApiKeyNames } from "@/lib/api-keys/api-keys";
import { findCaseNumbers } from "@/lib/cases/case-lookup";
import { findCustomerNames } from "@/lib/customers/customer-names";
import { findReportReferences } from "@/lib/scam-reports/queue";
import { findStaffNames } from "@/lib/staff/staff-admin";
import type { AuditRow } from "./audit-queries";

/** A party to an event as the page shows it: a name, what kind of thing it is, and a link if it has a page. */
export type AuditParty = { label: string; kind: string; href: string | null; id: string | null };

export type NamedAuditRow = AuditRow & { actor: AuditParty; target: AuditParty | null };

const ACTOR_KINDS: Record<string, string> = {
  STAFF: "staff",
  API_KEY: "API key",
  CUSTOMER: "customer",
  SYSTEM: "system",
  ANONYMOUS: "anonymous",
};

export async function nameAuditRows(rows: readonly AuditRow[]): Promise<NamedAuditRow[]> {
  const idsOf = (type: string) =>
    rows.flatMap((row) => (row.targetType === type && row.targetId ? [row.targetId] : []));
  const staffIds = [
    ...idsOf("staff"),
    ...rows.flatMap((row) => (row.actorType === "STAFF" && row.actorId ? [row.actorId] : [])),
  ];
  const keyIds = [
    ...idsOf("api-key"),
    ...rows.flatMap((row) => (row.actorType === "API_KEY" && row.actorId ? [row.actorId] : [])),
  ];
  const [staff, keys, customers, cases, reports] = await Promise.all([
    findStaffNames(staffIds),
    findApiKeyNames(keyIds),
    findCustomerNames(idsOf("customer")),
    findCaseNumbers(idsOf("case")),
    findReportReferences(idsOf("scam_report")),
  ]);

  function actorOf(row: AuditRow): AuditParty {
    const kind = ACTOR_KINDS[row.actorType] ?? row.actorType.toLowerCase();
    const name =
      row.actorId && row.actorType === "STAFF"
        ? staff.get(row.actorId)
        : row.actorId && row.actorType === "API_KEY"
          ? keys.get(row.actorId)
          : undefined;
    return { label: name ?? row.actorLabel ?? kind, kind, href: null, id: row.actorId };
  }

  function targetOf(row: AuditRow): AuditParty | null {
    if (!row.targetType) return null;
    const id = row.targetId;
    const fallback = {
      label: id ?? row.targetType,
      kind: row.targetType.replace(/[_-]/g, " "),
      href: null,
      id,
    };
    if (!id) return fallback;
    switch (row.targetType) {
      case "customer": {
        const name = customers.get(id);
        return name ? { ...fallback, label: name, href: `/console/customers/${id}` } : fallback;
      }
      case "case": {
        const number = cases.get(id);
        return number ? { ...fallback, label: `C-${number}`, href: `/console/cases/${id}` } : fallback;
      }
      case "scam_report": {
        const reference = reports.get(id);
        return reference
          ? { ...fallback, kind: "scam report", label: reference, href: `/console/scam-reports/${reference}` }
          : fallback;
      }
      case "staff":
        return { ...fallback, label: staff.get(id) ?? id };
      case "api-key":
        return { ...fallback, kind: "API key", label: keys.get(id) ?? id };
      default:
        return fallback;
    }
  }

  return rows.map((row) => ({ ...row, actor: actorOf(row), target: targetOf(row) }));
}

/** An event's details as label/value pairs, for a <dl>: nested values are shown compactly. */
export function auditDetailFields(data: unknown): { label: string; value: string }[] {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return data === null || data === undefined ? [] : [{ label: "value", value: JSON.stringify(data) }];
  }
  return Object.entries(data as Record<string, unknown>).map(([key, value]) => ({
    label: key
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/[_-]/g, " ")
      .toLowerCase(),
    value:
      value === null || value === undefined
        ? "—"
        : typeof value === "string"
          ? value
          : typeof value === "number" || typeof value === "boolean"
            ? String(value)
            : Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)
              ? value.length === 0
                ? "none"
                : value.map((item) => String(item)).join(", ")
              : JSON.stringify(value),
  }));
}
