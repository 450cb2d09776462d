// GET: the state of the customer's latest account actions, as { id, status } pairs. The customer
// page polls it while an action is on its way to the identity system and refreshes itself when one
// changes, so the agent sees "confirmed" (or "failing") without reloading. It returns no personal
// data, so unlike the page itself a poll is not audited.
import { requireStaffForApi } from "@/lib/auth/current-staff";
import { listAccountActionStatuses } from "@/lib/account-actions/outbound";
import { isUuid } from "@/lib/ids";

export async function GET(_request: Request, { params }: { params: Promise<{ customerId: string }> }) {
  const ctx = await requireStaffForApi("customer:view");
  if (ctx instanceof Response) return ctx;
  const { customerId } = await params;
  if (!isUuid(customerId)) return Response.json({ error: "Unknown customer." }, { status: 404 });
  return Response.json(await listAccountActionStatuses(customerId), {
    headers: { "cache-control": "no-store" },
  });
}
