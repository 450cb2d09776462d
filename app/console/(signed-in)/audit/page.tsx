import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import {
  auditDetailFields,
  nameAuditRows,
  type AuditParty,
  type NamedAuditRow,
} from "@/lib/audit/audit-names";
import { auditFiltersSchema, listAuditActions, listAuditEvents } from "@/lib/audit/audit-queries";
import { firstValues } from "@/lib/http/search-params";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Time } from "@/components/console/time";
import { SavedViews } from "@/components/console/saved-views";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { deleteViewAction, saveViewAction } from "../../saved-view-actions";

export const metadata: Metadata = { title: "Audit log" };

function Party({ party }: { party: AuditParty }) {
  return (
    <>
      {party.href ? (
        <Link href={party.href} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
          {party.label}
        </Link>
      ) : (
        <span title={party.id ?? undefined}>{party.label}</span>
      )}
      <div className="text-xs text-slate-600 dark:text-slate-400">{party.kind}</div>
    </>
  );
}

/** The action filter's choices: each area ("case.") and each action the log holds. */
function actionChoices(actions: readonly string[]): { value: string; label: string }[] {
  const areas = [...new Set(actions.map((action) => action.split(".")[0] ?? action))];
  return areas.flatMap((area) => [
    { value: `${area}.`, label: `${area}: every action` },
    ...actions
      .filter((action) => action.startsWith(`${area}.`))
      .map((action) => ({ value: action, label: action })),
  ]);
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("audit:view");
  const raw = firstValues(await searchParams);
  const parsed = auditFiltersSchema.safeParse(raw);
  const actions = await listAuditActions();
  const choices = actionChoices(actions);
  // A forged action (one the log does not hold, nor any area of) is refused by name, not answered with
  // an empty page that looks like "nothing happened".
  const unknownAction =
    parsed.success &&
    parsed.data.action &&
    !actions.some((action) => action.startsWith(parsed.data.action ?? ""))
      ? parsed.data.action
      : null;
  const [result, views] = await Promise.all([
    parsed.success && !unknownAction ? listAuditEvents(parsed.data) : null,
    listSavedViews(staff.id, "AUDIT"),
  ]);
  const rows = result ? await nameAuditRows(result.rows) : [];
  const { before: _before, ...withoutPage } = raw;
  const columns: Column<NamedAuditRow>[] = [
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
          <Party party={row.actor} />
          {row.ip ? (
            <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{row.ip}</div>
          ) : null}
        </>
      ),
    },
    { header: "Action", cell: (row) => row.action, className: "font-mono text-xs" },
    { header: "Target", cell: (row) => (row.target ? <Party party={row.target} /> : "—") },
    { header: "Reason", cell: (row) => row.reason ?? "" },
    {
      header: "Details",
      cell: (row) => {
        const fields = auditDetailFields(row.data);
        if (fields.length === 0) return "—";
        return (
          <details>
            <summary className="cursor-pointer text-blue-700 underline dark:text-blue-300">
              {fields.length === 1 ? "1 detail" : `${fields.length} details`}
            </summary>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {fields.map((field) => (
                <div key={field.label} className="contents">
                  <dt className="font-medium text-slate-700 dark:text-slate-300">{field.label}</dt>
                  <dd className="font-mono break-all">{field.value}</dd>
                </div>
              ))}
            </dl>
          </details>
        );
      },
      className: "max-w-md",
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <p className="text-slate-700 dark:text-slate-300">
        Append-only and hash-chained: rows cannot be changed or deleted, and <code>npm run audit:verify</code>{" "}
        proves the chain is intact.
      </p>
      {/* Keyed by the query: a saved view opened by a client navigation shows its own filters. */}
      <form
        key={new URLSearchParams(withoutPage).toString()}
        method="get"
        className="flex flex-wrap items-end gap-3"
        aria-label="Filter audit events"
      >
        <div>
          <label htmlFor="actor" className="block text-sm font-medium">
            Who (email or id)
          </label>
          <TextInput id="actor" name="actor" defaultValue={raw.actor ?? ""} />
        </div>
        <div>
          <label htmlFor="action" className="block text-sm font-medium">
            Action
          </label>
          <Select id="action" name="action" defaultValue={raw.action ?? ""}>
            <option value="">Any action</option>
            {unknownAction ? <option value={unknownAction}>{unknownAction} (not in the log)</option> : null}
            {choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="customer" className="block text-sm font-medium">
            Customer id
          </label>
          <TextInput id="customer" name="customer" defaultValue={raw.customer ?? ""} placeholder="cus_…" />
        </div>
        <div>
          <label htmlFor="target" className="block text-sm font-medium">
            Target id
          </label>
          <TextInput id="target" name="target" defaultValue={raw.target ?? ""} />
        </div>
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
      <SavedViews
        list="AUDIT"
        query={new URLSearchParams(Object.entries(withoutPage).filter(([, value]) => value)).toString()}
        views={views}
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      {!parsed.success ? (
        <Alert tone="error">{parsed.error.issues.map((issue) => issue.message).join(" ")}</Alert>
      ) : null}
      {unknownAction ? (
        <Alert tone="error">The log holds no action “{unknownAction}”. Choose one from the list.</Alert>
      ) : null}
      {result ? (
        <div>
          <DataTable
            rows={rows}
            columns={columns}
            rowKey={(row) => row.seq.toString()}
            caption="Audit events, newest first"
            testId="audit-table"
            empty="No events match."
            alignTop
          />
          {rows.length > 0 && result.nextBefore ? (
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
