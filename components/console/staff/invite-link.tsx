"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/console/copy-button";

/** Shows a one-time link once, as a full URL the admin can copy and send. */
export function InviteLink({ path }: { path: string }) {
  const [url, setUrl] = useState(path);
  useEffect(() => setUrl(`${window.location.origin}${path}`), [path]);
  return (
    <Alert tone="warning" title="Copy this link now: it is shown only once">
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="invite-link" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
          {url}
        </code>
        <CopyButton value={url} label="Copy link" />
      </div>
    </Alert>
  );
}
