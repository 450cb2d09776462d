// GET: the customer's latest confirmation request as [{ id, status }] (or []). The customer page
// polls it while a request waits for the customer's answer, so the agent sees "confirmed" or
// "declined" without reloading. Nothing personal in it, so a poll is not audited.
import { requireStaffForApi } from "@/lib/auth/current-staff";
import { latestVerificationStatus } from "@/lib/caller-verification/caller-verification";
import { isUuid } from "@/lib/ids";

export async function GET(_request: Request, { params }: { params: Promise<{ customerId: string }> }) {
  const ctx = await requireStaffForApi("customer:view");
  if (ctx instanceof Response) return ctx;
  const { customerId } = await params;
  if (!isUuid(customerId)) return Response.json({ error: "Unknown customer." }, { status: 404 });
  const latest = await latestVerificationStatus(customerId);
  return Response.json(latest ? [latest] : [], { headers: { "cache-control": "no-store" } });
}
