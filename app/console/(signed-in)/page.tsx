import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { listMyOpenCases, listUnassignedCases, type WorkCase } from "@/lib/cases/case-queries";
import { CASE_TYPE_LABELS } from "@/lib/cases/playbooks";
import { listPendingResets } from "@/lib/resets/factor-resets";
import { listPendingRestores } from "@/lib/account-actions/contact-restores";
import { humanise } from "@/lib/customers/labels";
import { listReportsToTriage, type TriageItem } from "@/lib/scam-reports/queue";
import { CHANNEL_LABELS, formatMoney } from "@/lib/scam-reports/labels";
import { countWorkload } from "@/lib/workspace/workload";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { DensityToggle } from "@/components/console/density-toggle";
import { Time } from "@/components/console/time";

export const metadata: Metadata = { title: "My work" };

const LINK = "text-blue-700 underline dark:text-blue-300";

type Approval = {
  id: string;
  kind: string;
  createdAt: Date;
  requestedBy: string;
  customer: { id: string; fullName: string };
};

function WorkSection({
  id,
  title,
  count,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number;
  more?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      data-testid={id}
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title} <Badge tone={count > 0 ? "blue" : "neutral"}>{count}</Badge>
        </h2>
        {more ? (
          <Link href={more.href} prefetch={false} className={`text-sm ${LINK}`}>
            {more.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}

export default async function ConsoleHome() {
  const staff = await requireStaff();
  const density = (await cookies()).get("console-density")?.value === "compact" ? "compact" : "comfortable";
  const approves = can(staff, "reset:approve");
  const triages = can(staff, "scam-report:triage");
  const [counts, myCases, unassigned, resets, restores, reports] = await Promise.all([
    countWorkload(staff.id, staff.role),
    listMyOpenCases(staff.id),
    listUnassignedCases(),
    approves ? listPendingResets() : Promise.resolve([]),
    approves ? listPendingRestores() : Promise.resolve([]),
    triages ? listReportsToTriage() : Promise.resolve([]),
  ]);
  // What this supervisor may decide: never their own requests (the approvals page says why).
  const approvals: Approval[] = [
    ...resets.map((reset) => ({
      id: reset.id,
      kind: "2FA reset",
      createdAt: reset.createdAt,
      requestedBy: reset.requestedBy.name,
      requestedById: reset.requestedBy.id,
      customer: reset.customer,
    })),
    ...restores.map((restore) => ({
      id: restore.id,
      kind: `Put back ${restore.field === "email" ? "email address" : "phone number"}`,
      createdAt: restore.createdAt,
      requestedBy: restore.requestedBy.name,
      requestedById: restore.requestedBy.id,
      customer: restore.customer,
    })),
  ]
    .filter((item) => item.requestedById !== staff.id)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  const caseColumns = (withCustomer: boolean): Column<WorkCase>[] => [
    {
      header: "Case",
      cell: (row) => (
        <>
          <Link href={`/console/cases/${row.id}`} prefetch={false} className={LINK}>
            C-{row.number}
          </Link>{" "}
          {row.subject}
        </>
      ),
    },
    ...(withCustomer ? [{ header: "Customer", cell: (row: WorkCase) => row.customer.fullName }] : []),
    { header: "Kind", cell: (row) => CASE_TYPE_LABELS[row.type] },
    { header: "Status", cell: (row) => <Badge tone="blue">{humanise(row.status)}</Badge> },
    {
      header: "Opened",
      cell: (row) => <Time date={row.createdAt} timeZone={staff.timeZone} relative />,
      className: "whitespace-nowrap",
    },
  ];
  const approvalColumns: Column<Approval>[] = [
    {
      header: "Customer",
      cell: (row) => (
        <Link href={`/console/customers/${row.customer.id}`} prefetch={false} className={LINK}>
          {row.customer.fullName}
        </Link>
      ),
    },
    { header: "Request", cell: (row) => row.kind },
    { header: "Requested by", cell: (row) => row.requestedBy },
    {
      header: "Waiting since",
      cell: (row) => <Time date={row.createdAt} timeZone={staff.timeZone} relative />,
      className: "whitespace-nowrap",
    },
  ];
  const reportColumns: Column<TriageItem>[] = [
    {
      header: "Report",
      cell: (row) => (
        <Link
          href={`/console/scam-reports/${row.reference}`}
          prefetch={false}
          className={`font-mono ${LINK}`}
        >
          {row.reference}
        </Link>
      ),
    },
    { header: "Channel", cell: (row) => CHANNEL_LABELS[row.channel] },
    { header: "Caller", cell: (row) => row.contactRaw ?? row.claimedOrganisation ?? "—" },
    {
      header: "Money lost",
      cell: (row) => (row.moneyLostCents ? formatMoney(row.moneyLostCents, row.currency) : "—"),
    },
    {
      header: "Received",
      cell: (row) => <Time date={row.createdAt} timeZone={staff.timeZone} relative />,
      className: "whitespace-nowrap",
    },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">My work</h1>
        <DensityToggle initial={density} />
        <p className="w-full text-sm text-slate-700 dark:text-slate-300">
          Hello, {staff.name}. Press <kbd className="rounded border px-1 font-mono">/</kbd> to search
          customers, cases, scam reports and staff.
        </p>
      </div>
      <section
        aria-labelledby="rule"
        className="rounded-md border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <h2 id="rule" className="font-semibold">
          The one rule
        </h2>
        <p className="mt-1">
          Support never asks a customer for a one-time code, a password or card details. If a caller offers a
          code, stop them and do not write it down anywhere.
        </p>
      </section>

      {approves ? (
        <WorkSection
          id="work-approvals"
          title="Waiting for your approval"
          count={counts.approvals ?? 0}
          more={{ href: "/console/approvals", label: "Open approvals" }}
        >
          <DataTable
            rows={approvals}
            columns={approvalColumns}
            rowKey={(row) => row.id}
            caption="Requests waiting for your approval, oldest first"
            empty="Nothing is waiting for your approval."
          />
        </WorkSection>
      ) : null}

      <WorkSection
        id="work-my-cases"
        title="My open cases"
        count={counts.myCases}
        more={{ href: "/console/cases?mine=1", label: "All my cases" }}
      >
        <DataTable
          rows={myCases}
          columns={caseColumns(true)}
          rowKey={(row) => row.id}
          caption="Open cases assigned to you, oldest first"
          testId="my-cases"
          empty="No open cases are assigned to you. Take one from the unassigned cases below."
        />
      </WorkSection>

      <WorkSection
        id="work-unassigned"
        title="Unassigned cases"
        count={counts.unassignedCases}
        more={{ href: "/console/cases", label: "All cases" }}
      >
        <DataTable
          rows={unassigned}
          columns={caseColumns(true)}
          rowKey={(row) => row.id}
          caption="Open cases nobody has taken, oldest first"
          testId="unassigned-cases"
          empty="Every open case has someone on it."
        />
      </WorkSection>

      {triages ? (
        <WorkSection
          id="work-reports"
          title="New scam reports to triage"
          count={counts.reportsToTriage ?? 0}
          more={{ href: "/console/scam-reports?status=NEW", label: "Open the queue" }}
        >
          <DataTable
            rows={reports}
            columns={reportColumns}
            rowKey={(row) => row.id}
            caption="New scam reports: money lost first, then the longest waiting"
            testId="reports-to-triage"
            empty="No new scam reports."
          />
        </WorkSection>
      ) : null}

      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="font-semibold">
            <Link href="/console/customers" className={LINK}>
              Find a customer
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Sign-in attempts, codes sent, sessions and what looks wrong.
          </p>
        </li>
        <li className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="font-semibold">
            <Link href="/console/account" className={LINK}>
              My account
            </Link>
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Your sessions, recent sign-ins, and sign-out everywhere.
          </p>
        </li>
      </ul>
    </div>
  );
}
