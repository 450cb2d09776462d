import type { Metadata } from "next";
import type { ChecklistEntry } from "@/lib/cases/cases";
import { listAccountActions } from "@/lib/account-actions/outbound";
import { AccountActionsList } from "@/components/console/customers/account-actions-list";
import Link from "next/link";
import { RememberRecent } from "@/components/console/recent-items";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { getCaseDetail, listAssignableStaff } from "@/lib/cases/case-queries";
import { CASE_TYPE_LABELS, PLAYBOOKS } from "@/lib/cases/playbooks";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Time } from "@/components/console/time";
import { AssignForm, ChecklistToggle, NoteForm, StatusForm } from "../_components/case-forms";
import { humanise } from "@/lib/customers/labels";

export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const staff = await requireStaff("case:work");
  const [kase, team] = await Promise.all([getCaseDetail((await params).caseId), listAssignableStaff()]);
  if (!kase) notFound();
  const actions = await listAccountActions(kase.customer.id, { since: kase.createdAt, take: 50 });
  const checklist = (kase.checklist ?? {}) as Record<string, ChecklistEntry | undefined>;
  const tz = staff.timeZone;
  return (
    <div className="space-y-8">
      <RememberRecent
        staffId={staff.id}
        item={{ kind: "case", label: `C-${kase.number} ${kase.subject}`, href: `/console/cases/${kase.id}` }}
      />
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/console/cases" className="text-blue-700 underline dark:text-blue-300">
          Cases
        </Link>{" "}
        / C-{kase.number}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          C-{kase.number}: {kase.subject}
        </h1>
        <Badge tone={kase.status === "CLOSED" ? "neutral" : "blue"}>{humanise(kase.status)}</Badge>
        <Badge tone="amber">{CASE_TYPE_LABELS[kase.type]}</Badge>
      </div>
      <p>
        Customer:{" "}
        <Link
          href={`/console/customers/${kase.customer.id}`}
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          {kase.customer.fullName}
        </Link>
        {" · "}opened by {kase.openedBy?.name ?? "the system"} <Time date={kase.createdAt} timeZone={tz} />
        {kase.outcome ? <> · outcome: {kase.outcome}</> : null}
      </p>
      <AccountActionsList customerId={kase.customer.id} actions={actions} timeZone={tz} headingLevel={2} />
      {kase.scamReports.length ? (
        <p data-testid="case-scam-reports">
          Scam {kase.scamReports.length === 1 ? "report" : "reports"}:{" "}
          {kase.scamReports.map((report, index) => (
            <span key={report.id}>
              {index ? ", " : ""}
              <Link
                href={`/console/scam-reports/${report.reference}`}
                prefetch={false}
                className="font-mono text-blue-700 underline dark:text-blue-300"
              >
                {report.reference}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Link
          href={`/console/customers/${kase.customer.id}/reset?case=${kase.id}`}
          prefetch={false}
          className={buttonClasses("danger")}
        >
          Reset 2FA for this case
        </Link>
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="checklist-title" className="space-y-2">
          <h2 id="checklist-title" className="text-lg font-semibold">
            Checklist
          </h2>
          <ol className="space-y-2" data-testid="checklist">
            {PLAYBOOKS[kase.type].map((item) => {
              const done = checklist[item.key];
              return (
                <li
                  key={item.key}
                  className="flex items-start justify-between gap-3 rounded border border-slate-200 p-2 dark:border-slate-800"
                >
                  <span className={done ? "text-slate-500 line-through" : undefined}>
                    {item.label}
                    {done ? (
                      <span className="block text-xs no-underline">
                        done by {done.doneBy}
                        {done.via ? (
                          <>
                            {" "}
                            ·{" "}
                            <Link
                              href={`/console/audit?${new URLSearchParams({ action: done.via, target: done.viaCustomerId ?? "" })}`}
                              prefetch={false}
                              className="text-blue-700 underline dark:text-blue-300"
                            >
                              {done.via} in the audit log
                            </Link>
                          </>
                        ) : null}
                      </span>
                    ) : null}
                  </span>
                  <ChecklistToggle caseId={kase.id} item={item.key} done={Boolean(done)} />
                </li>
              );
            })}
          </ol>
        </section>
        <section aria-labelledby="work-title" className="space-y-6">
          <h2 id="work-title" className="text-lg font-semibold">
            Status and assignee
          </h2>
          <StatusForm caseId={kase.id} status={kase.status} />
          <AssignForm caseId={kase.id} assigneeId={kase.assigneeId} staff={team} />
          {kase.factorResets.length > 0 ? (
            <div>
              <h3 className="font-semibold">2FA resets</h3>
              <ul className="text-sm">
                {kase.factorResets.map((reset) => (
                  <li key={reset.id}>
                    {humanise(reset.status)} · requested <Time date={reset.createdAt} timeZone={tz} />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      </div>
      <section aria-labelledby="notes-title" className="space-y-3">
        <h2 id="notes-title" className="text-lg font-semibold">
          Timeline
        </h2>
        {kase.notes.length === 0 ? <p className="text-slate-600 dark:text-slate-400">No notes yet.</p> : null}
        <ol className="space-y-2" data-testid="case-timeline">
          {kase.notes.map((note) => (
            <li key={note.id} className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
              <div className="text-xs text-slate-600 dark:text-slate-400">
                {note.author?.name ?? "System"} · <Time date={note.createdAt} timeZone={tz} /> ·{" "}
                {humanise(note.kind)}
              </div>
              <p className="mt-1 whitespace-pre-wrap">{note.body}</p>
            </li>
          ))}
        </ol>
        <NoteForm caseId={kase.id} />
      </section>
    </div>
  );
}
