import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { listCases, type CaseListFilters } from "@/lib/cases/case-queries";
import { CASE_TYPE_LABELS } from "@/lib/cases/playbooks";
import { CASE_STATUSES, CASE_TYPES } from "@/lib/cases/schemas";
import { firstValues } from "@/lib/http/search-params";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Time } from "@/components/console/time";
import { humanise } from "@/lib/customers/labels";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff("case:work");
  const params = firstValues(await searchParams);
  const filters: CaseListFilters = {
    status: (CASE_STATUSES as readonly string[]).includes(params.status ?? "") ? (params.status as CaseListFilters["status"]) : "ACTIVE",
    type: (CASE_TYPES as readonly string[]).includes(params.type ?? "") ? (params.type as CaseListFilters["type"]) : undefined,
    assignee: params.mine === "1" ? staff.id : undefined,
    page: Math.max(0, Math.min(1_000, Number.parseInt(params.page ?? "0", 10) || 0)),
  };
  const { rows, hasMore } = await listCases(filters);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Cases</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter cases">
        <div>
          <label htmlFor="status" className="block text-sm font-medium">Status</label>
          <Select id="status" name="status" defaultValue={params.status ?? "ACTIVE"}>
            <option value="ACTIVE">Not closed</option>
            {CASE_STATUSES.map((status) => <option key={status} value={status}>{humanise(status)}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="type" className="block text-sm font-medium">Kind</label>
          <Select id="type" name="type" defaultValue={params.type ?? ""}>
            <option value="">Any</option>
            {CASE_TYPES.map((type) => <option key={type} value={type}>{CASE_TYPE_LABELS[type]}</option>)}
          </Select>
        </div>
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" name="mine" value="1" defaultChecked={params.mine === "1"} className="size-4" /> Assigned to me
        </label>
        <button type="submit" className={buttonClasses("primary")}>Filter</button>
      </form>
      {rows.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No cases match. Open one from a customer&apos;s page.</p>
      ) : (
        <table className="min-w-full text-left text-sm" data-testid="cases-table">
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className="py-2 pr-4">Case</th>
              <th scope="col" className="py-2 pr-4">Customer</th>
              <th scope="col" className="py-2 pr-4">Kind</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Assignee</th>
              <th scope="col" className="py-2 pr-4">Updated</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200 dark:border-slate-800">
                <td className="py-2 pr-4">
                  <Link href={`/console/cases/${row.id}`} prefetch={false} className="text-blue-700 underline dark:text-blue-300">C-{row.number}</Link> {row.subject}
                </td>
                <td className="py-2 pr-4">{row.customer.fullName}</td>
                <td className="py-2 pr-4">{CASE_TYPE_LABELS[row.type]}</td>
                <td className="py-2 pr-4"><Badge tone={row.status === "CLOSED" ? "neutral" : "blue"}>{humanise(row.status)}</Badge></td>
                <td className="py-2 pr-4">{row.assignee?.name ?? "—"}</td>
                <td className="py-2 pr-4"><Time date={row.updatedAt} timeZone={staff.timeZone} relative /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex gap-4">
        {(filters.page ?? 0) > 0 ? <Link href={`/console/cases?${new URLSearchParams({ ...params, page: String((filters.page ?? 0) - 1) })}`} className="text-blue-700 underline dark:text-blue-300">Previous</Link> : null}
        {hasMore ? <Link href={`/console/cases?${new URLSearchParams({ ...params, page: String((filters.page ?? 0) + 1) })}`} className="text-blue-700 underline dark:text-blue-300">Next</Link> : null}
      </div>
    </div>
  );
}
