import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { listAssignableStaff, listCases, type CaseListFilters } from "@/lib/cases/case-queries";
import { CASE_TYPE_LABELS } from "@/lib/cases/playbooks";
import { CASE_STATUSES, CASE_TYPES, parseCaseSort, type CaseSortKey } from "@/lib/cases/schemas";
import { Alert } from "@/components/ui/alert";
import { firstValues } from "@/lib/http/search-params";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { buttonClasses } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { Time } from "@/components/console/time";
import { humanise } from "@/lib/customers/labels";
import { PriorityBadge } from "@/components/console/priority-badge";
import { BulkStatusForm } from "@/components/console/bulk-status-form";
import { SavedViews } from "@/components/console/saved-views";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { deleteViewAction, saveViewAction } from "../../saved-view-actions";
import { BulkAssignForm } from "./_components/bulk-assign-form";
import { bulkCaseStatusAction } from "./actions";

type CaseRow = Awaited<ReturnType<typeof listCases>>["rows"][number];

export const metadata: Metadata = { title: "Cases" };

const SORT_WORDS: Record<CaseSortKey, string> = {
  number: "case number",
  opened: "when opened",
  updated: "last update",
  priority: "priority",
};

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("case:work");
  const params = firstValues(await searchParams);
  const sort = parseCaseSort(params.sort);
  const filters: CaseListFilters = {
    status: (CASE_STATUSES as readonly string[]).includes(params.status ?? "")
      ? (params.status as CaseListFilters["status"])
      : "ACTIVE",
    type: (CASE_TYPES as readonly string[]).includes(params.type ?? "")
      ? (params.type as CaseListFilters["type"])
      : undefined,
    assignee: params.mine === "1" ? staff.id : undefined,
    page: Math.max(0, Math.min(1_000, Number.parseInt(params.page ?? "0", 10) || 0)),
    sort: sort ?? undefined,
  };
  // An unknown sort column is refused by name rather than quietly replaced by the default order.
  const [{ rows, hasMore }, assignable, views] = await Promise.all([
    sort ? listCases(filters) : { rows: [], hasMore: false },
    sort ? listAssignableStaff() : [],
    listSavedViews(staff.id, "CASES"),
  ]);
  const { page: _page, ...viewParams } = params;
  /** A column header that sorts by it: first press in its natural direction, the next reverses it. */
  const sortHeader = (key: CaseSortKey, label: string, firstDescending: boolean) => {
    const active = sort?.key === key;
    const nextDescending = active ? !sort.descending : firstDescending;
    const { page: _page, ...rest } = params;
    return {
      header: (
        <Link
          href={`/console/cases?${new URLSearchParams({ ...rest, sort: `${nextDescending ? "-" : ""}${key}` })}`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          {label}
          {active ? <span aria-hidden="true">{sort.descending ? " ↓" : " ↑"}</span> : null}
        </Link>
      ),
      sort: active ? (sort.descending ? "descending" : "ascending") : "none",
    } as const;
  };
  const columns: Column<CaseRow>[] = [
    {
      header: <span className="sr-only">Select</span>,
      cell: (row) =>
        row.status === "CLOSED" ? null : (
          <input
            type="checkbox"
            name="caseIds"
            value={row.id}
            form="bulk-assign"
            aria-label={`Select C-${row.number}`}
            className="size-4"
          />
        ),
    },
    {
      ...sortHeader("number", "Case", true),
      cell: (row) => (
        <>
          <Link
            href={`/console/cases/${row.id}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-300"
          >
            C-{row.number}
          </Link>{" "}
          {row.subject}
        </>
      ),
    },
    {
      ...sortHeader("priority", "Priority", true),
      cell: (row) => <PriorityBadge priority={row.priority} />,
    },
    { header: "Customer", cell: (row) => row.customer.fullName },
    { header: "Kind", cell: (row) => CASE_TYPE_LABELS[row.type] },
    {
      header: "Status",
      cell: (row) => (
        <Badge tone={row.status === "CLOSED" ? "neutral" : "blue"}>{humanise(row.status)}</Badge>
      ),
    },
    { header: "Assignee", cell: (row) => row.assignee?.name ?? "—" },
    {
      ...sortHeader("opened", "Opened", false),
      cell: (row) => <Time date={row.createdAt} timeZone={staff.timeZone} relative />,
    },
    {
      ...sortHeader("updated", "Updated", true),
      cell: (row) => <Time date={row.updatedAt} timeZone={staff.timeZone} relative />,
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Cases</h1>
      {/* Keyed by the query: a saved view opened by a client navigation shows its own filters. */}
      <form
        key={new URLSearchParams(viewParams).toString()}
        method="get"
        className="flex flex-wrap items-end gap-3"
        aria-label="Filter cases"
      >
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <Select id="status" name="status" defaultValue={params.status ?? "ACTIVE"}>
            <option value="ACTIVE">Not closed</option>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {humanise(status)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="type" className="block text-sm font-medium">
            Kind
          </label>
          <Select id="type" name="type" defaultValue={params.type ?? ""}>
            <option value="">Any</option>
            {CASE_TYPES.map((type) => (
              <option key={type} value={type}>
                {CASE_TYPE_LABELS[type]}
              </option>
            ))}
          </Select>
        </div>
        {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
        <label className="flex items-center gap-2 pb-2">
          <input
            type="checkbox"
            name="mine"
            value="1"
            defaultChecked={params.mine === "1"}
            className="size-4"
          />{" "}
          Assigned to me
        </label>
        <button type="submit" className={buttonClasses("primary")}>
          Filter
        </button>
      </form>
      {sort ? null : (
        <Alert tone="error">
          Cases cannot be sorted by “{params.sort}”. Sort by case number, priority, when opened or when
          updated.
        </Alert>
      )}
      <SavedViews
        list="CASES"
        query={new URLSearchParams(viewParams).toString()}
        views={views}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      {sort && rows.some((row) => row.status !== "CLOSED") ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <BulkAssignForm staff={assignable} />
          <BulkStatusForm
            action={bulkCaseStatusAction}
            idsName="caseIds"
            selectForm="bulk-assign"
            statuses={CASE_STATUSES.map((status) => ({ value: status, label: humanise(status) }))}
            noun="cases"
            outcome
          />
        </div>
      ) : null}
      {sort ? (
        <DataTable
          rows={rows}
          columns={columns}
          rowKey={(row) => row.id}
          caption={`Cases, sorted by ${SORT_WORDS[sort.key]}, ${sort.descending ? "descending" : "ascending"}`}
          testId="cases-table"
          empty="No cases match. Open one from a customer's page."
        />
      ) : null}
      <div className="flex gap-4">
        {(filters.page ?? 0) > 0 ? (
          <Link
            href={`/console/cases?${new URLSearchParams({ ...params, page: String((filters.page ?? 0) - 1) })}`}
            className="text-blue-700 underline dark:text-blue-300"
          >
            Previous
          </Link>
        ) : null}
        {hasMore ? (
          <Link
            href={`/console/cases?${new URLSearchParams({ ...params, page: String((filters.page ?? 0) + 1) })}`}
            className="text-blue-700 underline dark:text-blue-300"
          >
            Next
          </Link>
        ) : null}
      </div>
    </div>
  );
}
