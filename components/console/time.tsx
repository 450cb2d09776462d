import { formatInZone, formatRelative, formatUtc } from "@/lib/format/dates";

/** A time in the agent's zone, with UTC and a relative time on hover and for screen readers. */
export function Time({
  date,
  timeZone,
  relative = false,
}: {
  date: Date;
  timeZone: string;
  relative?: boolean;
}) {
  const local = formatInZone(date, timeZone);
  return (
    <time dateTime={date.toISOString()} title={`${local} (${timeZone}) · ${formatUtc(date)}`}>
      {relative ? formatRelative(date) : local}
    </time>
  );
}
