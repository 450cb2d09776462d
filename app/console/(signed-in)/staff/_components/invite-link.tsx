"use client";

import { useEffect, useState } from "react";
import { ShownOnce } from "@/components/console/shown-once";

/** A one-time invitation link, shown once as a full URL the admin can copy and send. */
export function InviteLink({ path }: { path: string }) {
  const [url, setUrl] = useState(path);
  useEffect(() => setUrl(`${window.location.origin}${path}`), [path]);
  return (
    <ShownOnce
      title="Copy this link now: it is shown only once"
      value={url}
      copyLabel="Copy link"
      testId="invite-link"
    />
  );
}
