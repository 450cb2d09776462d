import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { listNotifications } from "@/lib/notifications/outbox-queries";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const staff = await requireStaff("outbox:view");
  const notifications = await listNotifications();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Customer notifications</h1>
      <Alert tone="info">
        {env().SMTP_URL
          ? "Email goes out over SMTP."
          : "No SMTP server is configured: emails are kept here instead of being sent."}{" "}
        No SMS provider is bundled: text messages are kept here. Pending messages are retried with backoff.
      </Alert>
      {notifications.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No notifications yet.</p>
      ) : null}
      <ul className="space-y-3" data-testid="outbox">
        {notifications.map((message) => (
          <li
            key={message.id}
            className="rounded-md border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge
                tone={message.status === "SENT" ? "green" : message.status === "FAILED" ? "red" : "amber"}
              >
                {message.status.toLowerCase()}
              </Badge>
              <span className="font-medium">{message.channel === "EMAIL" ? "Email" : "Text message"}</span>
              <span className="font-mono">{message.destination}</span>
              {message.customer ? <span>· {message.customer.fullName}</span> : null}
              <span className="text-slate-600 dark:text-slate-400">
                · <Time date={message.createdAt} timeZone={staff.timeZone} />
              </span>
              {message.attempts > 1 || message.lastError ? (
                <span className="text-slate-600 dark:text-slate-400">
                  · {message.attempts} attempts{" "}
                  {message.lastError ? `(last error: ${message.lastError})` : ""}
                </span>
              ) : null}
            </div>
            {message.subject ? <p className="mt-2 font-semibold">{message.subject}</p> : null}
            <pre className="mt-2 font-sans whitespace-pre-wrap">{message.body}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
