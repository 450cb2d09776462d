"use client";

import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/console/copy-button";

/** The new key, shown this once: the desk keeps only its hash. */
export function NewApiKey({ name, apiKey }: { name: string; apiKey: string }) {
  return (
    <Alert tone="warning" title="Store this key now: you will not see it again">
      <p>
        Copy the key for <strong>{name}</strong> into the identity system&apos;s secret store now. The desk keeps only a hash of it, so nobody
        can show it to you again; if it is lost, revoke it and create a new one. Never paste it into tickets or chat.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
          {apiKey}
        </code>
        <CopyButton value={apiKey} label="Copy key" />
      </div>
    </Alert>
  );
}
