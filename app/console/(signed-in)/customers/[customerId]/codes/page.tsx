import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffContext } from "@/lib/auth/current-staff";
import { listOtpDeliveries } from "@/lib/customers/activity";
import { deliveryFiltersSchema } from "@/lib/customers/activity-filters";
import { firstValues } from "@/lib/http/search-params";
import { viewCustomerSubPage } from "@/lib/customers/customer-overview";
import { Alert } from "@/components/ui/alert";
import { CustomerHeader } from "@/components/console/customers/customer-header";
import { DeliveriesTable } from "@/components/console/customers/deliveries-table";
import { DeliveryFilterForm } from "@/components/console/customers/filter-forms";

export const metadata: Metadata = { title: "Codes sent" };

export default async function CodesPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaffContext("customer:view");
  const { staff } = ctx;
  const customer = await viewCustomerSubPage(ctx, (await params).customerId, "codes");
  if (!customer) notFound();
  const raw = firstValues(await searchParams);
  const parsed = deliveryFiltersSchema.safeParse(raw);
  const base = `/console/customers/${customer.id}/codes`;
  const page = parsed.success ? await listOtpDeliveries(customer.id, parsed.data) : null;
  const nextHref = page?.nextCursor
    ? `${base}?${new URLSearchParams({ ...raw, cursor: page.nextCursor })}`
    : null;

  return (
    <div className="space-y-6">
      <CustomerHeader customer={customer} current="codes" />
      <Alert tone="info">
        This log shows every code the identity system sent: when, why, where to and whether it was used. It
        never shows the code itself, and nobody at support ever needs it.
      </Alert>
      <DeliveryFilterForm filters={parsed.success ? parsed.data : {}} clearHref={base} />
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
      {page ? <DeliveriesTable rows={page.rows} timeZone={staff.timeZone} /> : null}
      {nextHref ? (
        <Link href={nextHref} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
          Older codes
        </Link>
      ) : null}
    </div>
  );
}
