import { Badge } from "@/components/ui/badge";
import { PRIORITY_LABELS, PRIORITY_TONES, toPriorityLevel } from "@/lib/workspace/priority";

/** A case's or report's priority; the word carries the meaning, the colour only repeats it. */
export function PriorityBadge({ priority }: { priority: number }) {
  const level = toPriorityLevel(priority);
  return (
    <span data-testid="priority">
      <Badge tone={PRIORITY_TONES[level]}>{PRIORITY_LABELS[level]}</Badge>
    </span>
  );
}
