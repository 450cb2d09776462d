// GET /api/scam-reports/export?days=90: the period's scam reports as CSV (supervisors and admins).
// Cells are neutralised against formula injection (lib/scam-reports/csv.ts); the columns are
// documented in docs/scam-reports.md; every export is audited.
import { requireStaffForApi } from "@/lib/auth/current-staff";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";
import { exportScamReportsCsv } from "@/lib/scam-reports/export";
import { analyticsFiltersSchema } from "@/lib/scam-reports/schemas";

export async function GET(request: Request): Promise<Response> {
  // A download link on another site must not make a signed-in supervisor export (and audit) anything.
  if (isCrossSiteRequest(request)) return crossSiteRefusal();
  const ctx = await requireStaffForApi("analytics:view");
  if (ctx instanceof Response) return ctx;
  const url = new URL(request.url);
  const parsed = analyticsFiltersSchema.safeParse({ days: url.searchParams.get("days") ?? "" });
  if (!parsed.success)
    return Response.json({ error: "Choose a period of 30, 90 or 365 days." }, { status: 400 });
  const { csv } = await exportScamReportsCsv(ctx, parsed.data.days);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="scam-reports-${day}-last-${parsed.data.days}-days.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
