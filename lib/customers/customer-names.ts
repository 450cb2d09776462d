// Names for customer ids, for pages that list other records about customers (the audit log):
// reading a name here is not "viewing" the customer, so it is not audited on its own.
import "server-only";
import { getDb } from "@/lib/db/client";
import { isUuid } from "@/lib/ids";

export async function findCustomerNames(ids: readonly string[]): Promise<Map<string, string>> {
  const valid = [...new Set(ids.filter((id) => isUuid(id)))];
  if (valid.length === 0) return new Map();
  const rows = await getDb().customer.findMany({
    where: { id: { in: valid } },
    select: { id: true, fullName: true },
  });
  return new Map(rows.map((row) => [row.id, row.fullName]));
}

/** The desk id of a customer given as that id or as the identity system's id (cus_…), or null. */
export async function findCustomerIdByRef(ref: string): Promise<string | null> {
  if (isUuid(ref)) {
    const row = await getDb().customer.findUnique({ where: { id: ref.toLowerCase() }, select: { id: true } });
    return row?.id ?? null;
  }
  if (!/^cus_[A-Za-z0-9]{1,64}$/.test(ref)) return null;
  const row = await getDb().customer.findUnique({ where: { externalId: ref }, select: { id: true } });
  return row?.id ?? null;
}
