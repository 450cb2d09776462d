import type { RiskSignal } from "@/lib/customers/risk-signals";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";

export function RiskSignalsPanel({ signals, timeZone }: { signals: RiskSignal[]; timeZone: string }) {
  return (
    <section
      aria-labelledby="risk-title"
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="risk-signals"
    >
      <h2 id="risk-title" className="text-lg font-semibold">
        What looks wrong (last 30 days)
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
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
