import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { auditFiltersSchema, listAuditEvents } from "@/lib/audit/audit-queries";
import { firstValues } from "@/lib/http/search-params";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff("audit:view");
  const raw = firstValues(await searchParams);
  const parsed = auditFiltersSchema.safeParse(raw);
  const result = parsed.success ? await listAuditEvents(parsed.data) : null;
  const { before: _before, ...withoutPage } = raw;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-slate-700 dark:text-slate-300">Append-only and hash-chained: rows cannot be changed or deleted, and <code>npm run audit:verify</code> proves the chain is intact.</p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter audit events">
        {(
          [
            ["actor", "Who (email or id)"],
            ["action", "Action starts with"],
            ["target", "Target id"],
          ] as const
        ).map(([name, label]) => (
          <div key={name}>
            <label htmlFor={name} className="block text-sm font-medium">{label}</label>
            <TextInput id={name} name={name} defaultValue={raw[name] ?? ""} />
          </div>
        ))}
        <div>
          <label htmlFor="from" className="block text-sm font-medium">From (UTC)</label>
          <TextInput id="from" name="from" type="date" defaultValue={raw.from ?? ""} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">To (UTC)</label>
          <TextInput id="to" name="to" type="date" defaultValue={raw.to ?? ""} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>Filter</button>
        {can(staff, "audit:export") ? (
          <a href={`/console/audit/export?${new URLSearchParams(withoutPage)}`} className={buttonClasses("secondary")}>Export CSV</a>
        ) : null}
      </form>
      {!parsed.success ? <Alert tone="error">{parsed.error.issues.map((issue) => issue.message).join(" ")}</Alert> : null}
      {result && result.rows.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No events match.</p> : null}
      {result && result.rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="audit-table">
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">#</th>
                <th scope="col" className="py-2 pr-3">When</th>
                <th scope="col" className="py-2 pr-3">Who</th>
                <th scope="col" className="py-2 pr-3">Action</th>
                <th scope="col" className="py-2 pr-3">Target</th>
                <th scope="col" className="py-2 pr-3">Reason</th>
                <th scope="col" className="py-2 pr-3">Details</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.seq.toString()} className="border-b border-slate-200 align-top dark:border-slate-800">
                  <td className="py-2 pr-3 font-mono text-xs">{row.seq.toString()}</td>
                  <td className="py-2 pr-3 whitespace-nowrap"><Time date={row.occurredAt} timeZone={staff.timeZone} /></td>
                  <td className="py-2 pr-3">{row.actorLabel ?? row.actorType.toLowerCase()}{row.ip ? <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{row.ip}</div> : null}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{row.action}</td>
                  <td className="py-2 pr-3 font-mono text-xs">{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "—"}</td>
                  <td className="py-2 pr-3">{row.reason ?? ""}</td>
                  <td className="max-w-md py-2 pr-3 font-mono text-xs break-all">{JSON.stringify(row.data)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.nextBefore ? (
            <Link href={`/console/audit?${new URLSearchParams({ ...withoutPage, before: result.nextBefore })}`} prefetch={false} className="mt-3 inline-block text-blue-700 underline dark:text-blue-300">Older events</Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
