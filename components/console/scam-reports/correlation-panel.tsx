import type { Correlation, CorrelatedAttempt, CorrelatedDelivery } from "@/lib/scam-reports/correlation";
import { describeOffset } from "@/lib/scam-reports/correlation";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/console/time";
import { OUTCOME_LABELS, PURPOSE_LABELS } from "@/lib/customers/labels";

type Item =
  | { kind: "attempt"; at: Date; row: CorrelatedAttempt }
  | { kind: "delivery"; at: Date; row: CorrelatedDelivery };

const SEVERITY = {
  high: { tone: "red", label: "High" },
  medium: { tone: "amber", label: "Medium" },
  info: { tone: "neutral", label: "Note" },
} as const;

function shortOffset(offsetMs: number): string {
  return describeOffset(offsetMs).replace(" the reported contact", "");
}

export function CorrelationPanel({
  correlation,
  timeZone,
  customerId,
}: {
  correlation: Correlation & { truncated: boolean };
  timeZone: string;
  customerId: string;
}) {
  const items: Item[] = [
    ...correlation.attempts.map((row) => ({ kind: "attempt" as const, at: row.occurredAt, row })),
    ...correlation.deliveries.map((row) => ({ kind: "delivery" as const, at: row.sentAt, row })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());

  return (
    <section
      aria-labelledby="correlation-title"
      className="space-y-4 rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="correlation"
    >
      <div>
        <h2 id="correlation-title" className="text-lg font-semibold">
          The account around the contact
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Sign-in attempts and codes sent from <Time date={correlation.from} timeZone={timeZone} /> to{" "}
          <Time date={correlation.to} timeZone={timeZone} /> (2 hours before to 24 hours after the reported
          contact). New devices are measured against the year before.
        </p>
      </div>
      {correlation.findings.length ? (
        <ul className="space-y-3" data-testid="correlation-findings">
          {correlation.findings.map((finding, index) => (
            <li
              key={`${finding.kind}-${index}`}
              className="border-l-4 border-amber-500 pl-3"
              data-finding={finding.kind}
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={SEVERITY[finding.severity].tone}>{SEVERITY[finding.severity].label}</Badge>
                <span className="font-semibold">{finding.title}</span>
                {finding.at ? (
                  <span className="text-sm text-slate-600 dark:text-slate-400">
                    <Time date={finding.at} timeZone={timeZone} />
                  </span>
                ) : null}
              </div>
              <p className="mt-1 text-sm">{finding.explanation}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {correlation.truncated ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          Only the first 500 events of each kind are shown.
        </p>
      ) : null}
      {items.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="correlation-timeline">
            <caption className="sr-only">Account activity around the reported contact, oldest first</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">
                  Time ({timeZone})
                </th>
                <th scope="col" className="py-2 pr-3">
                  Relative to the contact
                </th>
                <th scope="col" className="py-2 pr-3">
                  What happened
                </th>
                <th scope="col" className="py-2 pr-3">
                  Device and address
                </th>
                <th scope="col" className="py-2 pr-3">
                  Flags
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const takeover = item.row.takeover;
                const isNew = item.kind === "attempt" ? item.row.newDevice : item.row.usedOnNewDevice;
                return (
                  <tr
                    key={`${item.kind}-${item.row.id}`}
                    data-kind={item.kind}
                    data-takeover={takeover ? "true" : undefined}
                    className={
                      takeover
                        ? "border-b border-slate-200 bg-red-50 dark:border-slate-800 dark:bg-red-950"
                        : isNew
                          ? "border-b border-slate-200 bg-amber-50 dark:border-slate-800 dark:bg-amber-950"
                          : "border-b border-slate-200 dark:border-slate-800"
                    }
                  >
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {item.kind === "attempt" ? (
                        <a
                          href={`/console/customers/${customerId}/attempts/${item.row.id}`}
                          className="text-blue-700 underline dark:text-blue-300"
                        >
                          <Time date={item.at} timeZone={timeZone} />
                        </a>
                      ) : (
                        <Time date={item.at} timeZone={timeZone} />
                      )}
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">{shortOffset(item.row.offsetMs)}</td>
                    <td className="py-2 pr-3">
                      {item.kind === "attempt" ? (
                        <>
                          Sign-in attempt:{" "}
                          <Badge tone={OUTCOME_LABELS[item.row.outcome]?.tone ?? "neutral"}>
                            {OUTCOME_LABELS[item.row.outcome]?.label ?? item.row.outcome}
                          </Badge>
                        </>
                      ) : (
                        <>
                          {PURPOSE_LABELS[item.row.purpose] ?? item.row.purpose} code sent by{" "}
                          {item.row.channel.toLowerCase()} to{" "}
                          <span className="font-mono">{item.row.destinationMasked}</span>
                          <div className="text-xs text-slate-600 dark:text-slate-400">
                            {item.row.usedAt ? (
                              <>
                                Used <Time date={item.row.usedAt} timeZone={timeZone} />
                              </>
                            ) : (
                              "Not used"
                            )}
                          </div>
                        </>
                      )}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">
                      {item.kind === "attempt" ? (
                        <>
                          {item.row.deviceId ?? "unknown device"}
                          <div>
                            {item.row.ip} {[item.row.city, item.row.country].filter(Boolean).join(", ")}
                          </div>
                        </>
                      ) : (
                        <>
                          {item.row.usedByDevice ?? item.row.requestDeviceId ?? "unknown device"}
                          <div>
                            {item.row.requestIp ?? ""} {item.row.requestCountry ?? ""}
                          </div>
                        </>
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      <div className="flex flex-wrap gap-1">
                        {takeover ? <Badge tone="red">Likely takeover</Badge> : null}
                        {item.kind === "attempt" && item.row.newDevice ? (
                          <Badge tone="amber">New device</Badge>
                        ) : null}
                        {item.kind === "delivery" && item.row.usedOnNewDevice ? (
                          <Badge tone="amber">Used on a new device</Badge>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
