import Link from "next/link";
import {
  LOGIN_OUTCOMES,
  OTP_CHANNELS,
  OTP_PURPOSES,
  OTP_STATUSES,
  type AttemptFilters,
  type DeliveryFilters,
} from "@/lib/customers/activity-filters";
import { buttonClasses } from "@/components/ui/button";
import { Labelled, Select, TextInput } from "@/components/ui/field";
import { OUTCOME_LABELS, PURPOSE_LABELS, DELIVERY_STATUS, humanise } from "@/lib/customers/labels";

// Plain GET forms: filtered views are ordinary URLs that agents can bookmark and paste into tickets.

function Actions({ clearHref }: { clearHref: string }) {
  return (
    <div className="flex items-end gap-2">
      <button type="submit" className={buttonClasses("primary")}>
        Apply filters
      </button>
      <Link href={clearHref} prefetch={false} className={buttonClasses("ghost")}>
        Clear
      </Link>
    </div>
  );
}

export function AttemptFilterForm({ filters, clearHref }: { filters: AttemptFilters; clearHref: string }) {
  return (
    <form
      method="get"
      className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-7"
      aria-label="Filter sign-in attempts"
    >
      <Labelled id="outcome" label="Outcome">
        <Select id="outcome" name="outcome" defaultValue={filters.outcome ?? ""}>
          <option value="">Any</option>
          {LOGIN_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]?.label ?? outcome}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="from" label="From (UTC)">
        <TextInput id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </Labelled>
      <Labelled id="to" label="To (UTC)">
        <TextInput id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </Labelled>
      <Labelled id="ip" label="IP address">
        <TextInput id="ip" name="ip" defaultValue={filters.ip ?? ""} className="font-mono" />
      </Labelled>
      <Labelled id="country" label="Country">
        <TextInput
          id="country"
          name="country"
          defaultValue={filters.country ?? ""}
          maxLength={2}
          placeholder="GB"
        />
      </Labelled>
      <Labelled id="device" label="Device id">
        <TextInput id="device" name="device" defaultValue={filters.device ?? ""} className="font-mono" />
      </Labelled>
      <Actions clearHref={clearHref} />
    </form>
  );
}

export function DeliveryFilterForm({ filters, clearHref }: { filters: DeliveryFilters; clearHref: string }) {
  return (
    <form
      method="get"
      className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6"
      aria-label="Filter codes sent"
    >
      <Labelled id="purpose" label="Purpose">
        <Select id="purpose" name="purpose" defaultValue={filters.purpose ?? ""}>
          <option value="">Any</option>
          {OTP_PURPOSES.map((purpose) => (
            <option key={purpose} value={purpose}>
              {PURPOSE_LABELS[purpose] ?? purpose}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="channel" label="Channel">
        <Select id="channel" name="channel" defaultValue={filters.channel ?? ""}>
          <option value="">Any</option>
          {OTP_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {humanise(channel)}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="status" label="Delivery">
        <Select id="status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Any</option>
          {OTP_STATUSES.map((status) => (
            <option key={status} value={status}>
              {DELIVERY_STATUS[status]?.label ?? status}
            </option>
          ))}
        </Select>
      </Labelled>
      <Labelled id="from" label="From (UTC)">
        <TextInput id="from" name="from" type="date" defaultValue={filters.from ?? ""} />
      </Labelled>
      <Labelled id="to" label="To (UTC)">
        <TextInput id="to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </Labelled>
      <Actions clearHref={clearHref} />
    </form>
  );
}
