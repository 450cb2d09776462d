import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { listOwnSessions, listOwnSignInEvents, type OwnSession } from "@/lib/staff/staff-admin";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ActionForm } from "@/components/console/action-form";
import { Time } from "@/components/console/time";
import { revokeSessionAction, signOutEverywhereAction } from "@/app/console/session-actions";
import {
  enrolPasskeyAction,
  removePasskeyAction,
  startPasskeyEnrolmentAction,
} from "@/app/console/passkey-actions";
import { listOwnPasskeys, type OwnPasskey } from "@/lib/auth/passkeys";
import { PasskeyEnrolForm } from "@/components/console/passkey-enrol-form";

export const metadata: Metadata = { title: "My account" };

const SIGN_IN_LABELS: Record<string, string> = {
  "staff.sign_in.succeeded": "Signed in",
  "staff.sign_in.failed": "Failed sign-in",
  "staff.sign_in.refused_locked": "Refused: account locked",
  "staff.sign_in.refused_deactivated": "Refused: account deactivated",
  "staff.sign_in.refused_policy": "Refused: your role signs in with a passkey or single sign-on",
  "staff.sign_in.refused_sso": "Refused: single sign-on",
};

const METHOD_LABELS: Record<OwnSession["signInMethod"], string> = {
  PASSWORD: "Password and code",
  PASSKEY: "Passkey",
  SSO: "Single sign-on",
};

export default async function AccountPage() {
  const staff = await requireStaff();
  const [sessions, events, passkeys] = await Promise.all([
    listOwnSessions(staff),
    listOwnSignInEvents(staff),
    listOwnPasskeys(staff.id),
  ]);
  const passkeyColumns: Column<OwnPasskey>[] = [
    { header: "Name", cell: (passkey) => passkey.name, className: "font-medium" },
    { header: "Added", cell: (passkey) => <Time date={passkey.createdAt} timeZone={staff.timeZone} /> },
    {
      header: "Last used",
      cell: (passkey) =>
        passkey.lastUsedAt ? <Time date={passkey.lastUsedAt} timeZone={staff.timeZone} relative /> : "Never",
    },
    { header: "Synced", cell: (passkey) => (passkey.backedUp ? "Yes (backed up)" : "No (this device only)") },
    {
      header: <span className="sr-only">Actions</span>,
      cell: (passkey) => (
        <ActionForm action={removePasskeyAction} submitLabel={`Remove ${passkey.name}`} variant="secondary">
          <input type="hidden" name="passkeyId" value={passkey.id} />
        </ActionForm>
      ),
    },
  ];
  const columns: Column<OwnSession>[] = [
    {
      header: "Browser",
      cell: (session) => (
        <>
          {session.userAgent ?? "Unknown"} {session.current ? <strong>(this browser)</strong> : null}
        </>
      ),
      className: "max-w-xs truncate",
      attributes: (session) => ({ title: session.userAgent ?? undefined }),
    },
    { header: "Signed in with", cell: (session) => METHOD_LABELS[session.signInMethod] },
    { header: "IP address", cell: (session) => session.ip ?? "unknown", className: "font-mono" },
    { header: "Signed in", cell: (session) => <Time date={session.createdAt} timeZone={staff.timeZone} /> },
    {
      header: "Last active",
      cell: (session) => <Time date={session.lastSeenAt} timeZone={staff.timeZone} relative />,
    },
    {
      header: <span className="sr-only">Actions</span>,
      cell: (session) =>
        session.current ? null : (
          <ActionForm action={revokeSessionAction} submitLabel="End session" variant="secondary">
            <input type="hidden" name="sessionId" value={session.id} />
          </ActionForm>
        ),
    },
  ];
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">My account</h1>
      <section aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <DataTable
          rows={sessions}
          columns={columns}
          rowKey={(session) => session.id}
          caption="Your sessions, most recently active first"
          empty="No active sessions."
        />
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger">
            Sign out everywhere
          </Button>
        </form>
      </section>
      <section aria-labelledby="passkeys-title" className="space-y-3">
        <h2 id="passkeys-title" className="text-lg font-semibold">
          Passkeys
        </h2>
        <p className="max-w-prose text-sm text-slate-700 dark:text-slate-300">
          A passkey signs you in on its own, with your device&apos;s screen lock or security key, and cannot
          be phished: it works only at this desk&apos;s address. Adding or removing one asks you to confirm
          it&apos;s you.
        </p>
        <DataTable
          rows={passkeys}
          columns={passkeyColumns}
          rowKey={(passkey) => passkey.id}
          caption="Your passkeys"
          empty="No passkeys yet."
        />
        <PasskeyEnrolForm start={startPasskeyEnrolmentAction} finish={enrolPasskeyAction} />
      </section>
      <section aria-labelledby="history-title" className="space-y-3">
        <h2 id="history-title" className="text-lg font-semibold">
          Recent sign-in activity
        </h2>
        {events.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No sign-in activity yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {events.map((event) => (
              <li key={event.seq.toString()} className="flex flex-wrap gap-x-4 py-2 text-sm">
                <span className="font-medium">{SIGN_IN_LABELS[event.action] ?? event.action}</span>
                <Time date={event.occurredAt} timeZone={staff.timeZone} />
                <span className="font-mono text-slate-600 dark:text-slate-400">{event.ip ?? ""}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
