import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { isUuid } from "@/lib/ids";
import { ACTION_LABELS } from "@/lib/account-actions/labels";
import { FORMAT_LABELS, findEndpoint } from "@/lib/integrations/endpoints";
import { listDeliveryLog, listStuckDeliveries } from "@/lib/integrations/deliveries";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { Time } from "@/components/console/time";
import { EndpointControls } from "../_components/endpoint-controls";
import { RedeliverButton } from "../_components/redeliver-button";

export const metadata: Metadata = { title: "Integration endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ endpointId: string }> }) {
  const admin = await requireStaff("integration:manage");
  const { endpointId } = await params;
  if (!isUuid(endpointId)) notFound();
  const endpoint = await findEndpoint(endpointId);
  if (!endpoint) notFound();
  const [stuck, log] = await Promise.all([listStuckDeliveries(endpoint.id), listDeliveryLog(endpoint.id)]);
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/console/integrations" className="text-blue-800 underline dark:text-blue-300">
            Integrations
          </Link>
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold">
          {endpoint.name}
          <Badge tone="blue">{FORMAT_LABELS[endpoint.format]}</Badge>
          {endpoint.removedAt ? (
            <Badge tone="neutral">Removed</Badge>
          ) : endpoint.pausedAt ? (
            <Badge tone="amber">Paused</Badge>
          ) : (
            <Badge tone="green">Active</Badge>
          )}
        </h1>
        <p className="mt-1 break-all font-mono text-sm text-slate-700 dark:text-slate-300">
          {endpoint.url ?? `Polled with ${endpoint.apiKey?.name ?? "an API key"}`}
        </p>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {endpoint.waiting} waiting · {endpoint.failing} failing · {endpoint.dead} given up
        </p>
      </div>
      {endpoint.removedAt ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-700 dark:text-slate-300">
          Removed on <Time date={endpoint.removedAt} timeZone={admin.timeZone} />: nothing is sent to it any
          more. Its delivery log stays here for the record.
        </p>
      ) : (
        <EndpointControls
          endpointId={endpoint.id}
          paused={endpoint.pausedAt !== null}
          pushes={endpoint.format !== "POLL"}
        />
      )}
      <section aria-labelledby="stuck-title" className="space-y-3">
        <h2 id="stuck-title" className="text-lg font-semibold">
          Not delivered ({stuck.length})
        </h2>
        <DataTable
          rows={stuck}
          rowKey={(row) => row.id}
          testId="stuck-deliveries"
          caption="Account actions this endpoint has not accepted, oldest first"
          empty="Nothing failing: every action sent here was accepted or is on its way."
          columns={[
            { header: "Action", cell: (row) => ACTION_LABELS[row.action.kind] },
            {
              header: "Customer",
              cell: (row) => (
                <Link
                  href={`/console/customers/${row.action.customer.id}`}
                  className="text-blue-800 underline dark:text-blue-300"
                >
                  {row.action.customer.fullName}
                </Link>
              ),
            },
            {
              header: "State",
              cell: (row) =>
                row.status === "DEAD" ? (
                  <Badge tone="red">Given up after {row.attempts} attempts</Badge>
                ) : (
                  <Badge tone="amber">
                    Attempt {row.attempts} failed · next{" "}
                    <Time date={row.nextAttemptAt} timeZone={admin.timeZone} relative />
                  </Badge>
                ),
            },
            { header: "Last error", cell: (row) => row.lastError ?? "—", className: "max-w-72 break-words" },
            {
              header: <span className="sr-only">Retry</span>,
              cell: (row) => (endpoint.removedAt ? null : <RedeliverButton deliveryId={row.id} />),
            },
          ]}
        />
      </section>
      <section aria-labelledby="log-title" className="space-y-3">
        <h2 id="log-title" className="text-lg font-semibold">
          Delivery log
        </h2>
        <DataTable
          rows={log}
          rowKey={(row) => row.id}
          testId="delivery-log"
          caption="The latest 50 delivery attempts, newest first"
          empty="No deliveries yet. Send a test delivery, or decide an account action."
          columns={[
            {
              header: "When",
              cell: (row) => <Time date={row.startedAt} timeZone={admin.timeZone} />,
              className: "whitespace-nowrap",
            },
            {
              header: "What",
              cell: (row) =>
                row.delivery ? (
                  <>
                    {ACTION_LABELS[row.delivery.action.kind]} ·{" "}
                    <Link
                      href={`/console/customers/${row.delivery.action.customer.id}`}
                      className="text-blue-800 underline dark:text-blue-300"
                    >
                      {row.delivery.action.customer.fullName}
                    </Link>
                  </>
                ) : (
                  "Test delivery"
                ),
            },
            {
              header: "Answer",
              cell: (row) =>
                row.error === null ? (
                  <Badge tone="green">{row.statusCode}</Badge>
                ) : (
                  <Badge tone="red">{row.statusCode ?? "no answer"}</Badge>
                ),
            },
            { header: "Time", cell: (row) => `${row.latencyMs} ms`, className: "whitespace-nowrap" },
            {
              header: "Response or error",
              cell: (row) => row.error ?? row.responseExcerpt ?? "—",
              className: "max-w-96 break-words font-mono text-xs",
            },
          ]}
        />
      </section>
    </div>
  );
}
