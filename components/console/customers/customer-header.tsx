import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/console/copy-button";
import { humanise } from "@/lib/customers/labels";

/** Name, status and the customer's sub-navigation, shared by the customer's pages. */
export function CustomerHeader({
  customer,
  current,
}: {
  customer: { id: string; externalId: string; fullName: string; status: string; flaggedAt: Date | null };
  current: "overview" | "attempts" | "codes";
}) {
  const tabs = [
    { key: "overview", href: `/console/customers/${customer.id}`, label: "Overview" },
    { key: "attempts", href: `/console/customers/${customer.id}/attempts`, label: "Sign-in attempts" },
    { key: "codes", href: `/console/customers/${customer.id}/codes`, label: "Codes sent" },
  ] as const;
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/console/customers" className="text-blue-700 underline dark:text-blue-300">
          Customers
        </Link>{" "}
        / {customer.fullName}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{customer.fullName}</h1>
        <Badge tone={customer.status === "ACTIVE" ? "green" : "amber"}>{humanise(customer.status)}</Badge>
        {customer.flaggedAt ? <Badge tone="red">Flagged</Badge> : null}
        <span className="font-mono text-sm text-slate-600 dark:text-slate-400">
          {customer.externalId} <CopyButton value={customer.externalId} label="Copy id" />
        </span>
      </div>
      <nav aria-label="Customer">
        <ul className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-800">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                prefetch={false}
                aria-current={tab.key === current ? "page" : undefined}
                className={`inline-block px-3 py-2 text-sm font-medium ${tab.key === current ? "border-b-2 border-blue-700 text-blue-800 dark:text-blue-300" : "text-slate-700 dark:text-slate-300"}`}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
