import type { Metadata } from "next";
import { brand } from "@/lib/content/brand";
import Link from "next/link";
import { readConfirmation } from "@/lib/scam-reports/confirmation";
import { buildNextSteps, NATIONAL_AUTHORITIES } from "@/lib/scam-reports/next-steps";
import { NationalAuthorities, NextSteps } from "@/components/report/next-steps";

export const metadata: Metadata = {
  title: { absolute: `Report received · ${brand.helpCenterName}` },
  robots: { index: false },
};

export default async function ReportSentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const confirmation = readConfirmation(await searchParams);
  if (!confirmation) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">This confirmation link is not valid</h1>
        <p>
          If you sent a report, it has been received: the reference was shown on the page after you sent it.
          To report a scam,{" "}
          <Link href="/report" prefetch={false} className="text-blue-700 underline dark:text-blue-300">
            use the report form
          </Link>
          .
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <div
        className="space-y-3 rounded-md border border-green-300 bg-green-50 p-6 dark:border-green-800 dark:bg-green-950"
        role="status"
      >
        <h1 className="text-3xl font-bold">Thank you: we have your report</h1>
        <p className="text-lg">
          Your reference number is{" "}
          <strong
            className="font-mono text-2xl tracking-wider whitespace-nowrap"
            data-testid="report-reference"
          >
            {confirmation.reference}
          </strong>
        </p>
        <p>
          Write it down or take a screenshot. Quote it if you contact us about this scam. We read every
          report; we contact you only if you left your details and we need to know more.
        </p>
      </div>

      <section aria-labelledby="next-steps-title" className="space-y-3">
        <h2 id="next-steps-title" className="text-2xl font-bold">
          What to do next
        </h2>
        <NextSteps steps={buildNextSteps(confirmation)} />
      </section>

      <section aria-labelledby="authorities-title" className="space-y-3">
        <h2 id="authorities-title" className="text-2xl font-bold">
          Report it to the authorities too
        </h2>
        <p>
          National fraud services use reports to find and stop scammers, and your bank or the police may ask
          for a crime reference number. See{" "}
          <Link
            href="/help/report-a-scam"
            prefetch={false}
            className="text-blue-700 underline dark:text-blue-300"
          >
            how to report a scam
          </Link>{" "}
          for more.
        </p>
        <NationalAuthorities authorities={NATIONAL_AUTHORITIES} />
      </section>

      <p>
        <Link
          href="/help/calls-from-a-fake-representative"
          prefetch={false}
          className="text-blue-700 underline dark:text-blue-300"
        >
          How to spot a fake representative
        </Link>{" "}
        ·{" "}
        <Link href="/report" prefetch={false} className="text-blue-700 underline dark:text-blue-300">
          Report another scam
        </Link>
      </p>
    </div>
  );
}
