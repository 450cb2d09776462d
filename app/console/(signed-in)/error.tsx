"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

// Unexpected failures only: expected ones (bad input, refusals) are shown by the forms themselves.
export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="max-w-xl space-y-4">
      <Alert tone="error" title="Something went wrong on our side">
        The page could not be loaded. Nothing you entered was lost by this error; try again. If it keeps
        happening, give this reference to your administrator:{" "}
        <span className="font-mono">{error.digest ?? "n/a"}</span>
      </Alert>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
