import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { listOwnSessions, listOwnSignInEvents } from "@/lib/staff/staff-admin";
import { Button } from "@/components/ui/button";
import { ActionForm } from "@/components/console/action-form";
import { Time } from "@/components/console/time";
import { revokeSessionAction, signOutEverywhereAction } from "@/app/console/session-actions";

export const metadata: Metadata = { title: "My account" };

const SIGN_IN_LABELS: Record<string, string> = {
  "staff.sign_in.succeeded": "Signed in",
  "staff.sign_in.failed": "Failed sign-in",
  "staff.sign_in.refused_locked": "Refused: account locked",
  "staff.sign_in.refused_deactivated": "Refused: account deactivated",
};

export default async function AccountPage() {
  const staff = await requireStaff();
  const [sessions, events] = await Promise.all([listOwnSessions(staff), listOwnSignInEvents(staff)]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">My account</h1>
      <section aria-labelledby="sessions-title" className="space-y-3">
        <h2 id="sessions-title" className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-4">Browser</th>
                <th scope="col" className="py-2 pr-4">IP address</th>
                <th scope="col" className="py-2 pr-4">Signed in</th>
                <th scope="col" className="py-2 pr-4">Last active</th>
                <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id} className="border-b border-slate-200 dark:border-slate-800">
                  <td className="max-w-xs truncate py-2 pr-4" title={session.userAgent ?? undefined}>
                    {session.userAgent ?? "Unknown"} {session.current ? <strong>(this browser)</strong> : null}
                  </td>
                  <td className="py-2 pr-4 font-mono">{session.ip ?? "unknown"}</td>
                  <td className="py-2 pr-4"><Time date={session.createdAt} timeZone={staff.timeZone} /></td>
                  <td className="py-2 pr-4"><Time date={session.lastSeenAt} timeZone={staff.timeZone} relative /></td>
                  <td className="py-2">
                    {session.current ? null : (
                      <ActionForm action={revokeSessionAction} submitLabel="End session" variant="secondary">
                        <input type="hidden" name="sessionId" value={session.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger">Sign out everywhere</Button>
        </form>
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
