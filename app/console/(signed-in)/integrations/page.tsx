import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-staff";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { ACTION_LABELS } from "@/lib/account-actions/labels";
import { FORMAT_LABELS, listEndpoints } from "@/lib/integrations/endpoints";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { CreateEndpointForm } from "./_components/create-endpoint-form";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const admin = await requireStaff("integration:manage");
  const [endpoints, keys] = await Promise.all([listEndpoints(), listApiKeys()]);
  const pollKeys = keys
    .filter(
      (key) =>
        !key.revokedAt && (key.scopes.includes("ACTIONS_READ") || key.scopes.includes("DIRECTORY_WRITE")),
    )
    .map((key) => ({ id: key.id, label: `${key.name} (asd_${key.prefix}_…)` }));
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">Integrations</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
          Every account action the desk decides (second factors removed, sessions ended, new password
          required, locked, unlocked, contact restored) must reach the identity system customers really sign
          in to. Each endpoint below receives them in the order they were decided for each customer, signed,
          retried until it answers 2xx, and shown to agents as confirmed or failing. How to build a receiver:{" "}
          <code className="font-mono">docs/identity-system.md</code>.
        </p>
      </div>
      <section aria-labelledby="endpoints-title" className="space-y-3">
        <h2 id="endpoints-title" className="text-lg font-semibold">
          Endpoints ({endpoints.length})
        </h2>
        {endpoints.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
            No identity system is connected. Resets, ended sessions and locks change the desk&apos;s records
            only, and agents are told so on every customer page. Add an endpoint below.
          </p>
        ) : (
          <ul className="space-y-3">
            {endpoints.map((endpoint) => (
              <li
                key={endpoint.id}
                data-testid="endpoint"
                className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
              >
                <div className="flex flex-wrap items-center gap-3">
                  <Link
                    href={`/console/integrations/${endpoint.id}`}
                    className="font-semibold text-blue-800 underline dark:text-blue-300"
                  >
                    {endpoint.name}
                  </Link>
                  <Badge tone="blue">{FORMAT_LABELS[endpoint.format]}</Badge>
                  {endpoint.pausedAt ? (
                    <Badge tone="amber">Paused</Badge>
                  ) : (
                    <Badge tone="green">Active</Badge>
                  )}
                  {endpoint.failing + endpoint.dead > 0 ? (
                    <Badge tone="red">{endpoint.failing + endpoint.dead} failing</Badge>
                  ) : null}
                  {endpoint.waiting > 0 ? <Badge tone="neutral">{endpoint.waiting} waiting</Badge> : null}
                  {endpoint.rotating ? <Badge tone="amber">Secret rotation in progress</Badge> : null}
                </div>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-3 dark:text-slate-300">
                  <div className="min-w-0">
                    <dt className="inline font-medium">{endpoint.url ? "URL: " : "Polled with: "}</dt>
                    <dd className="inline break-all font-mono text-xs">
                      {endpoint.url ??
                        (endpoint.apiKey ? `${endpoint.apiKey.name} (asd_${endpoint.apiKey.prefix}_…)` : "—")}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">Receives: </dt>
                    <dd className="inline">
                      {endpoint.actionKinds.length === 0
                        ? "every action"
                        : endpoint.actionKinds.map((kind) => ACTION_LABELS[kind]).join(", ")}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">Added: </dt>
                    <dd className="inline">
                      <Time date={endpoint.createdAt} timeZone={admin.timeZone} />
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section
        aria-labelledby="add-endpoint-title"
        className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="add-endpoint-title" className="text-lg font-semibold">
          Add an endpoint
        </h2>
        <CreateEndpointForm pollKeys={pollKeys} />
      </section>
    </div>
  );
}
