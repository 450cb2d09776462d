"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/console/copy-button";

/**
 * A secret or one-time link the desk shows exactly once (it keeps only a hash): a warning, what
 * to do with it, the value itself and a copy button.
 */
export function ShownOnce({
  title,
  value,
  copyLabel,
  testId,
  children,
}: {
  title: string;
  value: string;
  copyLabel: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Alert tone="warning" title={title}>
      {children}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          data-testid={testId}
          className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900"
        >
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
    </Alert>
  );
}
