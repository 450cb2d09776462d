// "Find a customer": one box, four kinds of query, each answered from its own index.
import "server-only";
import { getDb } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/audit-log";
import { storableText } from "@/lib/forms/storable-text";
import { isUuid } from "@/lib/ids";
import type { StaffContext } from "@/lib/auth/current-staff";
import { maskEmail, maskPhone } from "./masking";
import { classifyCustomerQuery, type CustomerQuery } from "./search-query";

export const SEARCH_PAGE_SIZE = 25;

export type CustomerSummary = {
  id: string;
  externalId: string;
  fullName: string;
  emailMasked: string;
  phoneMasked: string | null;
  status: string;
  flagged: boolean;
};

export type CustomerSearchResult =
  | {
      ok: true;
      kind: Exclude<CustomerQuery["kind"], "invalid">;
      customers: CustomerSummary[];
      nextAfter: string | null;
    }
  | { ok: false; message: string };

const SUMMARY = {
  id: true,
  externalId: true,
  fullName: true,
  nameKey: true,
  email: true,
  phoneE164: true,
  status: true,
  flaggedAt: true,
} as const;

type SummaryRow = {
  id: string;
  externalId: string;
  fullName: string;
  nameKey: string;
  email: string;
  phoneE164: string | null;
  status: string;
  flaggedAt: Date | null;
};

function summarise(row: SummaryRow): CustomerSummary {
  return {
    id: row.id,
    externalId: row.externalId,
    fullName: row.fullName,
    emailMasked: maskEmail(row.email),
    phoneMasked: row.phoneE164 ? maskPhone(row.phoneE164) : null,
    status: row.status,
    flagged: row.flaggedAt !== null,
  };
}

/** LIKE treats % and _ as wildcards: a name prefix must match them literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The (name key, id) a page of names ends at; a cursor that was not made here starts from the top. */
function decodeNameCursor(after: string | undefined): [string, string] | [] {
  if (!after || after.length > 600) return [];
  const [key, id] = Buffer.from(after, "base64url").toString("utf8").split("\u0000");
  return key !== undefined && id !== undefined && isUuid(id) ? [key, id] : [];
}

async function findRows(
  query: Exclude<CustomerQuery, { kind: "invalid" }>,
  after: string | undefined,
): Promise<SummaryRow[]> {
  const db = getDb();
  switch (query.kind) {
    case "id":
      return db.customer.findMany({ where: { id: query.id }, select: SUMMARY });
    case "external-id":
      return db.customer.findMany({ where: { externalId: query.externalId }, select: SUMMARY });
    case "email":
      return db.customer.findMany({ where: { emailNormalized: query.email }, select: SUMMARY });
    case "phone":
      return db.customer.findMany({
        where: { phoneE164: query.e164 },
        orderBy: [{ nameKey: "asc" }, { id: "asc" }],
        take: SEARCH_PAGE_SIZE + 1,
        select: SUMMARY,
      });
    case "name": {
      // Alphabetical by name key puts an exact name before longer names that start with it. The
      // order is the byte order of the text_pattern_ops index (~<~) that also answers the LIKE, so
      // PostgreSQL reads the first page off the index: ordering by the column's collation instead
      // made it fetch and sort every customer with the prefix (thousands for "oliv" on a big desk).
      // The cursor compares with the same operator, so pages follow that order exactly, and its
      // ~>=~ lets a later page start the index scan at the cursor.
      const [afterKey, afterId] = decodeNameCursor(after);
      return db.$queryRaw<SummaryRow[]>`
        SELECT id, external_id AS "externalId", full_name AS "fullName", name_key AS "nameKey", email, phone_e164 AS "phoneE164", status::text AS status, flagged_at AS "flaggedAt"
        FROM customers
        WHERE name_key LIKE ${`${escapeLike(query.prefix)}%`}
          AND name_key ~>=~ ${afterKey ?? ""}
          AND (${afterKey ?? null}::text IS NULL
               OR name_key ~>~ ${afterKey ?? ""}
               OR (name_key = ${afterKey ?? ""} AND id > ${afterId ?? "00000000-0000-0000-0000-000000000000"}::uuid))
        ORDER BY name_key USING ~<~, id
        LIMIT ${SEARCH_PAGE_SIZE + 1}`;
    }
  }
}

export async function searchCustomers(
  ctx: StaffContext,
  input: { q: string; after?: string; reason?: string },
): Promise<CustomerSearchResult> {
  const query = classifyCustomerQuery(input.q);
  if (query.kind === "invalid") return { ok: false, message: query.message };
  const rows = await findRows(query, input.after);
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  const last = page[page.length - 1];
  const nextAfter =
    rows.length > SEARCH_PAGE_SIZE && last && query.kind === "name"
      ? Buffer.from(`${last.nameKey}\u0000${last.id}`).toString("base64url")
      : null;

  // Who looked for whom: the kind of query, how many customers it found and the first ten of them,
  // and the agent's reason; never the query text (it is itself personal data).
  await recordAuditEvent({
    actor: ctx.actor,
    action: "customer.searched",
    reason: storableText(input.reason) || undefined,
    ip: ctx.ip,
    data: { kind: query.kind, results: page.length, customerIds: page.slice(0, 10).map((row) => row.id) },
  });
  return { ok: true, kind: query.kind, customers: page.map(summarise), nextAfter };
}
