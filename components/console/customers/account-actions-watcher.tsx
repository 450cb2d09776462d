"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_MS = 3_000;
/** Stop after this long: an agent who left the tab open should not poll forever. */
const GIVE_UP_MS = 15 * 60_000;

/**
 * While an account action is on its way to the identity system, asks every few seconds how the
 * actions stand and refreshes the page when one has changed (decided → sent → confirmed or failing).
 */
export function AccountActionsWatcher({
  customerId,
  statuses,
}: {
  customerId: string;
  /** The statuses the page was rendered with, by action id. */
  statuses: Record<string, string>;
}) {
  const router = useRouter();
  const key = JSON.stringify(statuses);
  useEffect(() => {
    const rendered = JSON.parse(key) as Record<string, string>;
    const started = Date.now();
    let stopped = false;
    const timer = setInterval(() => {
      if (Date.now() - started > GIVE_UP_MS) return clearInterval(timer);
      void fetch(`/console/customers/${customerId}/account-actions`, { cache: "no-store" })
        .then((response) =>
          response.ok ? (response.json() as Promise<{ id: string; status: string }[]>) : [],
        )
        .then((current) => {
          if (stopped) return;
          if (current.some((action) => action.id in rendered && rendered[action.id] !== action.status)) {
            clearInterval(timer);
            router.refresh();
          }
        })
        .catch(() => undefined); // offline for a moment: the next tick tries again
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [customerId, key, router]);
  return null;
}
