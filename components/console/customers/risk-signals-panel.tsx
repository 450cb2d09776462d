import Link from "next/link";
import type { RiskSignal } from "@/lib/customers/risk-signals";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";

const EVIDENCE_LINKS = 5;

/** Signals as given (the caller sorts them, high first), each with links to the rows behind it. */
export function RiskSignalsPanel({
  customerId,
  signals,
  timeZone,
  windowDays,
}: {
  customerId: string;
  signals: RiskSignal[];
  timeZone: string;
  windowDays: number;
}) {
  return (
    <section
      aria-labelledby="risk-title"
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="risk-signals"
    >
      <h2 id="risk-title" className="text-lg font-semibold">
        What looks wrong (last {windowDays} days)
      </h2>
      {signals.length === 0 ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          Nothing unusual: no code bursts, new devices or countries, shared addresses or scam reports.
        </p>
      ) : (
        <ul className="mt-3 space-y-3">
          {signals.map((signal, index) => (
            <li
              key={`${signal.code}-${index}`}
              className="border-l-4 border-amber-500 pl-3"
              data-signal={signal.code}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={signal.severity === "high" ? "red" : "amber"}>
                  {signal.severity === "high" ? "High" : "Medium"}
                </Badge>
                <span className="font-semibold">{signal.title}</span>
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  <Time date={signal.at} timeZone={timeZone} />
                </span>
              </div>
              <p className="mt-1 text-sm">{signal.explanation}</p>
              {signal.attemptIds.length + signal.deliveryIds.length > 0 ? (
                <p className="mt-1 flex flex-wrap gap-x-3 text-sm">
                  <span className="text-slate-600 dark:text-slate-400">Evidence:</span>
                  {signal.attemptIds.slice(0, EVIDENCE_LINKS).map((attemptId) => (
                    <Link
                      key={attemptId}
                      href={`/console/customers/${customerId}/attempts/${attemptId}`}
                      prefetch={false}
                      className="text-blue-700 underline dark:text-blue-300"
                    >
                      sign-in #{attemptId}
                    </Link>
                  ))}
                  {signal.deliveryIds.length > 0 ? (
                    <Link
                      href={`/console/customers/${customerId}/codes`}
                      prefetch={false}
                      className="text-blue-700 underline dark:text-blue-300"
                    >
                      {signal.deliveryIds.length} code{signal.deliveryIds.length === 1 ? "" : "s"} sent
                    </Link>
                  ) : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
