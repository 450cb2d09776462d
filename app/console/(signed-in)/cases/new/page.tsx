import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/current-staff";
import { findCustomerHeader } from "@/lib/customers/customer-overview";
import { CASE_TYPES } from "@/lib/cases/schemas";
import { OpenCaseForm } from "../_components/case-forms";

export const metadata: Metadata = { title: "Open a case" };

export default async function NewCasePage({
  searchParams,
}: {
  searchParams: Promise<{ customer?: string; type?: string; scamReport?: string }>;
}) {
  await requireStaff("case:work");
  const params = await searchParams;
  const customer = await findCustomerHeader(params.customer ?? "");
  if (!customer) notFound();
  const type = CASE_TYPES.find((candidate) => candidate === params.type);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">Open a case for {customer.fullName}</h1>
      <OpenCaseForm
        customerId={customer.id}
        defaultType={type}
        scamReportId={
          params.scamReport && /^[0-9a-f-]{36}$/.test(params.scamReport) ? params.scamReport : undefined
        }
      />
    </div>
  );
}
