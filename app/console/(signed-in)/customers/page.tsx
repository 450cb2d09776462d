import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { isOwnPageNavigation } from "@/lib/http/cross-site";
import { searchCustomers, type CustomerSummary } from "@/lib/customers/customer-search";
import { firstValues } from "@/lib/http/search-params";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { TextInput } from "@/components/ui/field";
import { humanise } from "@/lib/customers/labels";

export const metadata: Metadata = { title: "Find a customer" };

const COLUMNS: Column<CustomerSummary>[] = [
  {
    header: "Name",
    cell: (customer) => (
      <>
        <Link
          href={`/console/customers/${customer.id}`}
          prefetch={false}
          className="font-medium text-blue-700 underline dark:text-blue-300"
        >
          {customer.fullName}
        </Link>
        {customer.flagged ? (
          <span className="ml-2">
            <Badge tone="red">Flagged</Badge>
          </span>
        ) : null}
      </>
    ),
  },
  { header: "Email", cell: (customer) => customer.emailMasked, className: "font-mono" },
  { header: "Phone", cell: (customer) => customer.phoneMasked ?? "—", className: "font-mono" },
  { header: "Status", cell: (customer) => humanise(customer.status) },
  { header: "Customer id", cell: (customer) => customer.externalId, className: "font-mono text-xs" },
];

export default async function CustomerSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaffContext("customer:search");
  const params = firstValues(await searchParams);
  const q = (params.q ?? "").slice(0, 200);
  const result = q
    ? await searchCustomers(ctx, {
        q,
        after: params.after,
        // A link from another site could put any words here, and the audit row is in this agent's
        // name: the reason is recorded only when the agent typed it into our own form.
        reason: isOwnPageNavigation(await headers()) ? params.reason?.slice(0, 200) : undefined,
      })
    : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Find a customer</h1>
      <form
        role="search"
        aria-label="Find a customer"
        method="get"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="min-w-72 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Name, email, phone number or customer id
          </label>
          <TextInput
            id="q"
            name="q"
            defaultValue={q}
            autoFocus
            autoComplete="off"
            placeholder="e.g. 07700 900123 or olivia.bennett@example.com"
          />
        </div>
        <div className="w-64">
          <label htmlFor="reason" className="block text-sm font-medium">
            Ticket or reason{" "}
            <span className="font-normal text-slate-600 dark:text-slate-400">(optional, audited)</span>
          </label>
          <TextInput id="reason" name="reason" defaultValue={params.reason ?? ""} maxLength={200} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Every search and every customer you open is recorded in the audit log.
      </p>

      {result && !result.ok ? <Alert tone="error">{result.message}</Alert> : null}
      {result?.ok ? (
        <div>
          <DataTable
            rows={result.customers}
            columns={COLUMNS}
            rowKey={(customer) => customer.id}
            caption="Customers found"
            testId="customer-results"
            empty={
              <Alert tone="info" title="No customer found">
                Check the spelling, or try another detail: phone numbers work in any format, emails must be
                complete.
              </Alert>
            }
          />
          {result.customers.length > 0 && result.nextAfter ? (
            <p className="mt-3">
              <Link
                href={`/console/customers?${new URLSearchParams({ q, after: result.nextAfter })}`}
                prefetch={false}
                className="text-blue-700 underline dark:text-blue-300"
              >
                More results
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
