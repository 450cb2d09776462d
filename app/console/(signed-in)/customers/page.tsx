import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { searchCustomers } from "@/lib/customers/customer-search";
import { firstValues } from "@/lib/http/search-params";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { humanise } from "@/lib/customers/labels";

export const metadata: Metadata = { title: "Find a customer" };

export default async function CustomerSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaffContext("customer:search");
  const params = firstValues(await searchParams);
  const q = (params.q ?? "").slice(0, 200);
  const result = q ? await searchCustomers(ctx, { q, after: params.after, reason: params.reason?.slice(0, 200) }) : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Find a customer</h1>
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-72 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Name, email, phone number or customer id
          </label>
          <TextInput id="q" name="q" defaultValue={q} autoFocus autoComplete="off" placeholder="e.g. 07700 900123 or olivia.bennett@example.com" />
        </div>
        <div className="w-64">
          <label htmlFor="reason" className="block text-sm font-medium">
            Ticket or reason <span className="font-normal text-slate-600 dark:text-slate-400">(optional, audited)</span>
          </label>
          <TextInput id="reason" name="reason" defaultValue={params.reason ?? ""} maxLength={200} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">Every search and every customer you open is recorded in the audit log.</p>

      {result && !result.ok ? <Alert tone="error">{result.message}</Alert> : null}
      {result?.ok && result.customers.length === 0 ? (
        <Alert tone="info" title="No customer found">
          Check the spelling, or try another detail: phone numbers work in any format, emails must be complete.
        </Alert>
      ) : null}
      {result?.ok && result.customers.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="customer-results">
            <caption className="sr-only">Customers found</caption>
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Phone</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4">Customer id</th>
              </tr>
            </thead>
            <tbody>
              {result.customers.map((customer) => (
                <tr key={customer.id} className="border-b border-slate-200 dark:border-slate-800">
                  <td className="py-2 pr-4">
                    <Link href={`/console/customers/${customer.id}`} prefetch={false} className="font-medium text-blue-700 underline dark:text-blue-300">
                      {customer.fullName}
                    </Link>
                    {customer.flagged ? <span className="ml-2"><Badge tone="red">Flagged</Badge></span> : null}
                  </td>
                  <td className="py-2 pr-4 font-mono">{customer.emailMasked}</td>
                  <td className="py-2 pr-4 font-mono">{customer.phoneMasked ?? "—"}</td>
                  <td className="py-2 pr-4">{humanise(customer.status)}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{customer.externalId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.nextAfter ? (
            <p className="mt-3">
              <Link href={`/console/customers?${new URLSearchParams({ q, after: result.nextAfter })}`} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
                More results
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
