import Link from "next/link";
import {
  CHANNEL_LABELS,
  SCAM_CHANNELS,
  SCAM_SOURCES,
  SOURCE_LABELS,
  QUEUE_SORT_LABELS,
  QUEUE_SORTS,
  STATUS_LABELS,
  SCAM_STATUSES,
} from "@/lib/scam-reports/labels";
import type { QueueFilters } from "@/lib/scam-reports/schemas";
import { buttonClasses } from "@/components/ui/button";
import { Labelled, Select, TextInput } from "@/components/ui/field";

/** A plain GET form: every filtered view of the queue is a link an agent can share. */
export function QueueFilterForm({
  filters,
  staff,
}: {
  filters: QueueFilters;
  staff: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter scam reports"
      className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6"
    >
      <div className="col-span-2">
        <Labelled id="q" label="Number, sender or reference">
          <TextInput
            id="q"
            name="q"
            defaultValue={filters.q ?? ""}
            maxLength={100}
            placeholder="e.g. 020 7946 0123 or SR-H4X9-175T"
            autoComplete="off"
          />
        </Labelled>
      </div>
      <Labelled id="status" label="Status">
        <Select id="status" name="status" defaultValue={filters.status ?? "open"}>
          <option value="open">Open (not closed)</option>
          <option value="all">All</option>
          {SCAM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="assignee" label="Assignee">
        <Select id="assignee" name="assignee" defaultValue={filters.assignee ?? ""}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Unassigned</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="channel" label="Channel">
        <Select id="channel" name="channel" defaultValue={filters.channel ?? ""}>
          <option value="">Any</option>
          {SCAM_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="source" label="Source">
        <Select id="source" name="source" defaultValue={filters.source ?? ""}>
          <option value="">Any</option>
          {SCAM_SOURCES.map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="sort" label="Order">
        <Select id="sort" name="sort" defaultValue={filters.sort ?? "newest"}>
          {QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {QUEUE_SORT_LABELS[sort]}
            </option>
          ))}
        </Select>
      </Labelled>
      <div className="col-span-2 flex items-end gap-2 md:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClasses("primary")}>
          Apply filters
        </button>
        <Link href="/console/scam-reports" prefetch={false} className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
