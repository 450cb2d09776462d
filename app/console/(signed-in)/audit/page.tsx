import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { auditFiltersSchema, listAuditEvents, type AuditRow } from "@/lib/audit/audit-queries";
import { firstValues } from "@/lib/http/search-params";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("audit:view");
  const raw = firstValues(await searchParams);
  const parsed = auditFiltersSchema.safeParse(raw);
  const result = parsed.success ? await listAuditEvents(parsed.data) : null;
  const { before: _before, ...withoutPage } = raw;
  const columns: Column<AuditRow>[] = [
    { header: "#", cell: (row) => row.seq.toString(), className: "font-mono text-xs" },
    {
      header: "When",
      cell: (row) => <Time date={row.occurredAt} timeZone={staff.timeZone} />,
      className: "whitespace-nowrap",
    },
    {
      header: "Who",
      cell: (row) => (
        <>
          {row.actorLabel ?? row.actorType.toLowerCase()}
          {row.ip ? (
            <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{row.ip}</div>
          ) : null}
        </>
      ),
    },
    { header: "Action", cell: (row) => row.action, className: "font-mono text-xs" },
    {
      header: "Target",
      cell: (row) => (row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "—"),
      className: "font-mono text-xs",
    },
    { header: "Reason", cell: (row) => row.reason ?? "" },
    {
      header: "Details",
      cell: (row) => JSON.stringify(row.data),
      className: "max-w-md font-mono text-xs break-all",
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Append-only and hash-chained: rows cannot be changed or deleted, and <code>npm run audit:verify</code>{" "}
        proves the chain is intact.
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter audit events">
        {(
          [
            ["actor", "Who (email or id)"],
            ["action", "Action starts with"],
            ["target", "Target id"],
          ] as const
        ).map(([name, label]) => (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium">
              {label}
            </label>
            <TextInput id={name} name={name} defaultValue={raw[name] ?? ""} />
          </div>
        ))}
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            From (UTC)
          </label>
          <TextInput id="from" name="from" type="date" defaultValue={raw.from ?? ""} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            To (UTC)
          </label>
          <TextInput id="to" name="to" type="date" defaultValue={raw.to ?? ""} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
        {can(staff, "audit:export") ? (
          <a
            href={`/console/audit/export?${new URLSearchParams(withoutPage)}`}
            className={buttonClasses("secondary")}
          >
            Export CSV
          </a>
        ) : null}
      </form>
      {!parsed.success ? (
        <Alert tone="error">{parsed.error.issues.map((issue) => issue.message).join(" ")}</Alert>
      ) : null}
      {result ? (
        <div>
          <DataTable
            rows={result.rows}
            columns={columns}
            rowKey={(row) => row.seq.toString()}
            caption="Audit events, newest first"
            testId="audit-table"
            empty="No events match."
            alignTop
          />
          {result.rows.length > 0 && result.nextBefore ? (
            <Link
              href={`/console/audit?${new URLSearchParams({ ...withoutPage, before: result.nextBefore })}`}
              prefetch={false}
              className="mt-3 inline-block text-blue-700 underline dark:text-blue-300"
            >
              Older events
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
