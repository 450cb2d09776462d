"use client";

import { useEffect, useState } from "react";
import { COMMON_TIME_ZONES } from "@/lib/scam-reports/labels";
import { Select } from "@/components/ui/field";

/**
 * The time zone of the "when" field. Without JavaScript it starts at the default; with it, a first
 * visit picks the browser's own zone (a resubmitted form keeps what was chosen).
 */
export function TimeZoneSelect({
  id,
  initial,
  fallback,
  describedBy,
  invalid,
}: {
  id: string;
  initial: string | undefined;
  fallback: string;
  describedBy?: string;
  invalid: boolean;
}) {
  const [zone, setZone] = useState(initial || fallback);
  useEffect(() => {
    if (initial) return;
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (browserZone) setZone(browserZone);
  }, [initial]);
  const known = COMMON_TIME_ZONES.some((option) => option.id === zone);
  return (
    <Select
      id={id}
      name="timeZone"
      value={zone}
      onChange={(event) => setZone(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid}
    >
      {known ? null : <option value={zone}>{zone}</option>}
      {COMMON_TIME_ZONES.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </Select>
  );
}
