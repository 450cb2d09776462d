import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { issueFormToken } from "@/lib/forms/form-token";
import { PUBLIC_FORM_PURPOSE } from "@/lib/scam-reports/intake";
import { DEFAULT_TIME_ZONE } from "@/lib/scam-reports/labels";
import { reportPrefillSchema } from "@/lib/scam-reports/schemas";
import { brand } from "@/lib/content/brand";
import { Alert } from "@/components/ui/alert";
import { PublicReportForm } from "./_components/public-report-form";

export const metadata: Metadata = {
  // Absolute: a layout's title template does not reach the page beside it, and the root one names the desk.
  title: { absolute: `Report a scam call, text or email · ${brand.helpCenterName}` },
  description:
    "Tell us about a call, text or email from someone pretending to be us. Takes about two minutes; no account needed.",
};

export default async function ReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Rendered per request: the form carries a freshly signed timing token.
  await connection();
  const params = await searchParams;
  const { problem } = params;
  // "Report this message to us" from the message checker: its findings, filled in.
  const fromChecker = params.from === "checker";
  const prefill = fromChecker ? reportPrefillSchema.parse(params) : undefined;
  const now = new Date();
  // Tomorrow's end in the default zone: the picker should not offer later days (the server checks exactly).
  const maxDateTime = format(new TZDate(now.getTime() + 86_400_000, DEFAULT_TIME_ZONE), "yyyy-MM-dd'T'23:59");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Report a scam call, text or email</h1>
      <p className="text-lg">
        Someone pretending to be us, asking for a code, a password or money? Tell us what happened. It takes
        about two minutes and you do not need an account. Your report helps us warn and protect other
        customers.
      </p>
      <Alert tone="warning" title="We will never ask you for a one-time code">
        Not by phone, text, email or chat. If someone asks you for one, it is a scam. If you think someone is
        in your account right now, follow our{" "}
        <Link href="/help/hacked-account-checklist" prefetch={false} className="underline">
          hacked account checklist
        </Link>{" "}
        first, then come back.
      </Alert>
      {problem === "too-large" ? (
        <Alert tone="error" title="Your report was too long to send">
          Please keep the story under 10,000 characters (about 1,500 words) and send the form again. The
          number, the time and what they asked for matter most.
        </Alert>
      ) : null}
      {prefill ? (
        <Alert tone="info" title="We filled in what the message checker found">
          Check the details below, add when it arrived and anything else you remember, then send the report.
        </Alert>
      ) : null}
      <PublicReportForm
        formToken={issueFormToken(PUBLIC_FORM_PURPOSE, now.getTime())}
        defaultTimeZone={DEFAULT_TIME_ZONE}
        maxDateTime={maxDateTime}
        initialValues={
          prefill
            ? {
                ...(prefill.channel ? { channel: prefill.channel } : {}),
                ...(prefill.contact ? { contact: prefill.contact } : {}),
                ...(prefill.asks.length ? { asks: prefill.asks } : {}),
                ...(prefill.story ? { story: prefill.story } : {}),
              }
            : undefined
        }
      />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Want to report it to the police or a national fraud service too? See{" "}
        <Link href="/help/report-a-scam" prefetch={false} className="underline">
          how to report a scam
        </Link>
        .
      </p>
    </div>
  );
}
