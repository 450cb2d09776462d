"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_MS = 3_000;
/** Stop after this long: an agent who left the tab open should not poll forever. */
const GIVE_UP_MS = 15 * 60_000;

/**
 * While something the page shows is waiting on someone else (an account action on its way to the
 * identity system, a customer's answer to a confirmation request), asks `url` every few seconds how
 * things stand, as `{ id, status }` pairs, and refreshes the page when one has changed. The route
 * returns nothing personal, so a poll is not audited the way a page view is.
 */
export function StatusWatcher({
  url,
  statuses,
}: {
  url: string;
  /** The statuses the page was rendered with, by id. */
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
      void fetch(url, { cache: "no-store" })
        .then((response) =>
          response.ok ? (response.json() as Promise<{ id: string; status: string }[]>) : [],
        )
        .then((current) => {
          if (stopped) return;
          if (current.some((item) => item.id in rendered && rendered[item.id] !== item.status)) {
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
  }, [url, key, router]);
  return null;
}
