import type { Metadata } from "next";
import Link from "next/link";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { requireStaff } from "@/lib/auth/current-staff";
import { firstValues } from "@/lib/http/search-params";
import { StaffReportForm } from "./_components/staff-report-form";

export const metadata: Metadata = { title: "Record a scam report" };

export default async function NewScamReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff("scam-report:record");
  const params = firstValues(await searchParams);
  const maxDateTime = format(new TZDate(Date.now() + 86_400_000, staff.timeZone), "yyyy-MM-dd'T'23:59");
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/console/scam-reports" className="text-blue-700 underline dark:text-blue-300">
          Scam reports
        </Link>{" "}
        / Record a report
      </nav>
      <h1 className="text-2xl font-bold">Record a scam report</h1>
      <p className="text-slate-700 dark:text-slate-300">
        For a scam call, text or email a customer tells you about. Never ask for, or write down, a code or a
        password, even one the scammer already has.
      </p>
      <StaffReportForm
        defaultTimeZone={staff.timeZone}
        maxDateTime={maxDateTime}
        customer={(params.customer ?? "").slice(0, 200)}
      />
    </div>
  );
}
