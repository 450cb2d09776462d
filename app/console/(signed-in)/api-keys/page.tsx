import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/current-staff";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { scopeLabel } from "@/lib/api-keys/scopes";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { CreateApiKeyForm } from "./_components/create-api-key-form";
import { RevokeApiKeyForm } from "./_components/revoke-api-key-form";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const admin = await requireStaff("api-key:manage");
  const keys = await listApiKeys();
  const active = keys.filter((key) => !key.revokedAt).length;
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="mt-1 max-w-3xl text-slate-700 dark:text-slate-300">
          The identity system sends sign-in attempts and code deliveries to the desk with an API key (
          <code className="font-mono">POST /api/v1/events</code>, described in{" "}
          <code className="font-mono">docs/ingest-api.md</code>). A key is shown once when it is created; the
          desk stores only a hash. Creating and revoking keys needs a reason and a fresh authenticator code,
          and is recorded in the audit log.
        </p>
      </div>
      <section
        aria-labelledby="create-key-title"
        className="space-y-3 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="create-key-title" className="text-lg font-semibold">
          Create a key
        </h2>
        <CreateApiKeyForm />
      </section>
      <section aria-labelledby="keys-title" className="space-y-3">
        <h2 id="keys-title" className="text-lg font-semibold">
          Keys ({active} active{keys.length > active ? `, ${keys.length - active} revoked` : ""})
        </h2>
        {keys.length === 0 ? (
          <p className="rounded-md border border-dashed border-slate-300 p-6 text-slate-600 dark:border-slate-700 dark:text-slate-400">
            No API keys yet. Create one above for the identity system, then give it to the team that runs it.
          </p>
        ) : (
          <ul className="space-y-3">
            {keys.map((key) => (
              <li
                key={key.id}
                data-testid={`api-key-${key.prefix}`}
                className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
              >
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-semibold">{key.name}</span>
                  <code
                    className="font-mono text-sm text-slate-700 dark:text-slate-300"
                    title="The key's public prefix; the rest is secret"
                  >
                    asd_{key.prefix}_…
                  </code>
                  {key.scopes.map((scope) => (
                    <Badge key={scope} tone="blue">
                      {scopeLabel(scope)}
                    </Badge>
                  ))}
                  {key.revokedAt ? <Badge tone="neutral">Revoked</Badge> : <Badge tone="green">Active</Badge>}
                </div>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-3 dark:text-slate-300">
                  <div>
                    <dt className="inline font-medium">Created: </dt>
                    <dd className="inline">
                      <Time date={key.createdAt} timeZone={admin.timeZone} /> by{" "}
                      {key.createdBy ? key.createdBy.name : "a script"}
                    </dd>
                  </div>
                  <div>
                    <dt className="inline font-medium">Last used: </dt>
                    <dd className="inline">
                      {key.lastUsedAt ? (
                        <Time date={key.lastUsedAt} timeZone={admin.timeZone} relative />
                      ) : (
                        "never"
                      )}
                    </dd>
                  </div>
                  {key.revokedAt ? (
                    <div>
                      <dt className="inline font-medium">Revoked: </dt>
                      <dd className="inline">
                        <Time date={key.revokedAt} timeZone={admin.timeZone} />
                      </dd>
                    </div>
                  ) : null}
                </dl>
                {key.revokedAt ? null : (
                  <div className="mt-3">
                    <RevokeApiKeyForm keyId={key.id} name={key.name} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
