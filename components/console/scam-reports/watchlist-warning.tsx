import Link from "next/link";
import type { WatchlistMention } from "@/lib/scam-reports/watchlist";
import { formatInternational } from "@/lib/scam-reports/contact-number";
import { Time } from "@/components/console/time";

/** On the customer page: their reports or cases mention numbers that many people have reported. */
export function WatchlistWarning({
  mentions,
  timeZone,
  days,
}: {
  mentions: WatchlistMention[];
  timeZone: string;
  days: number;
}) {
  if (mentions.length === 0) return null;
  return (
    <section
      aria-labelledby="watchlist-warning-title"
      className="rounded-md border-2 border-red-400 bg-red-50 p-4 text-red-950 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
      data-testid="watchlist-warning"
    >
      <h2 id="watchlist-warning-title" className="font-semibold">
        This customer was contacted by {mentions.length === 1 ? "a number" : "numbers"} on the scam watchlist
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {mentions.map((mention) => (
          <li key={mention.number}>
            <Link
              href={`/console/scam-reports?${new URLSearchParams({ q: mention.number, status: "all" })}`}
              prefetch={false}
              className="font-mono font-semibold underline"
            >
              {formatInternational(mention.number)}
            </Link>{" "}
            reported {mention.reports} times in the last {days} days (last{" "}
            <Time date={mention.lastContactedAt} timeZone={timeZone} relative />)
            {mention.organisations.length ? `, claiming to be ${mention.organisations.join(" / ")}` : ""}.
            Mentioned in{" "}
            {mention.mentionedIn.map((where, index) => (
              <span key={where.kind === "report" ? where.reference : `case-${where.number}`}>
                {index ? ", " : ""}
                {where.kind === "report" ? (
                  <Link
                    href={`/console/scam-reports/${where.reference}`}
                    prefetch={false}
                    className="underline"
                  >
                    report {where.reference}
                  </Link>
                ) : (
                  <Link href={`/console/cases/${where.caseId}`} prefetch={false} className="underline">
                    case C-{where.number}
                  </Link>
                )}
              </span>
            ))}
            .
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        Scammers call back. Treat anyone claiming to be this customer, or calling for them, with extra care,
        and check the account for sign-ins right after each contact.
      </p>
    </section>
  );
}
