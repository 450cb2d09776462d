// One way to show times in the console: the staff member's time zone, with UTC beside it.
import { TZDate } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";

export function formatInZone(date: Date, timeZone: string): string {
  return format(new TZDate(date, timeZone), "d MMM yyyy, HH:mm:ss");
}

export function formatUtc(date: Date): string {
  return `${format(new TZDate(date, "UTC"), "d MMM yyyy, HH:mm:ss")} UTC`;
}

export function formatRelative(date: Date, now = new Date()): string {
  return formatDistanceStrict(date, now, { addSuffix: true });
}
