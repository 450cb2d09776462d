import { requireStaffForApi } from "@/lib/auth/current-staff";
import { auditFiltersSchema, iterateAuditEvents } from "@/lib/audit/audit-queries";
import { recordAuditEvent } from "@/lib/audit/audit-log";
import { csvRow } from "@/lib/csv/csv";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/cross-site";

const HEADER = [
  "seq",
  "occurred_at_utc",
  "actor_type",
  "actor",
  "action",
  "target_type",
  "target_id",
  "reason",
  "ip",
  "data",
];

/** CSV export of the audit log (admins), streamed page by page; the export itself is audited. */
export async function GET(request: Request) {
  // A download link on another site must not make a signed-in supervisor export (and audit) anything.
  if (isCrossSiteRequest(request)) return crossSiteRefusal();
  const ctx = await requireStaffForApi("audit:export");
  if (ctx instanceof Response) return ctx;
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid filters." }, { status: 400 });
  await recordAuditEvent({
    actor: ctx.actor,
    action: "audit.exported",
    ip: ctx.ip,
    data: { filters: parsed.data },
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`${csvRow(HEADER)}\r\n`));
      for await (const page of iterateAuditEvents(parsed.data)) {
        const lines = page.map((row) =>
          csvRow([
            row.seq.toString(),
            row.occurredAt,
            row.actorType,
            row.actorLabel,
            row.action,
            row.targetType,
            row.targetId,
            row.reason,
            row.ip,
            JSON.stringify(row.data),
          ]),
        );
        controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      }
      controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
