import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { listLoginAttempts } from "@/lib/customers/activity";
import { attemptFiltersSchema } from "@/lib/customers/activity-filters";
import { firstValues } from "@/lib/http/search-params";
import { viewCustomerSubPage } from "@/lib/customers/customer-overview";
import { Alert } from "@/components/ui/alert";
import { AttemptsTable } from "@/components/console/customers/attempts-table";
import { CustomerHeader } from "@/components/console/customers/customer-header";
import { AttemptFilterForm } from "@/components/console/customers/filter-forms";

export const metadata: Metadata = { title: "Sign-in attempts" };

export default async function AttemptsPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaffContext("customer:view");
  const { staff } = ctx;
  const customer = await viewCustomerSubPage(ctx, (await params).customerId, "attempts");
  if (!customer) notFound();
  const raw = firstValues(await searchParams);
  const parsed = attemptFiltersSchema.safeParse(raw);
  const base = `/console/customers/${customer.id}/attempts`;
  const filters = parsed.success ? parsed.data : {};
  const page = parsed.success ? await listLoginAttempts(customer.id, parsed.data) : null;
  const { cursor: currentCursor, ...withoutCursor } = raw;
  const nextHref = page?.nextCursor
    ? `${base}?${new URLSearchParams({ ...withoutCursor, cursor: page.nextCursor })}`
    : null;

  return (
    <div className="space-y-6">
      <CustomerHeader customer={customer} current="attempts" />
      <AttemptFilterForm filters={filters} clearHref={base} />
      {!parsed.success ? (
        <Alert tone="error" title="Some filters are not valid">
          <ul>
            {parsed.error.issues.map((issue) => (
              <li key={issue.path.join(".")}>
                {String(issue.path[0])}: {issue.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {page ? <AttemptsTable customerId={customer.id} rows={page.rows} timeZone={staff.timeZone} /> : null}
      <div className="flex gap-4">
        {currentCursor ? (
          <Link
            href={`${base}?${new URLSearchParams(withoutCursor)}`}
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-300"
          >
            Newest
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
            Older attempts
          </Link>
        ) : null}
      </div>
    </div>
  );
}
