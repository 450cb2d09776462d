import type { Metadata } from "next";
import { brand } from "@/lib/content/brand";
import { describeVerificationRequest } from "@/lib/caller-verification/caller-verification";
import { VERIFICATION_TOKEN_PATTERN } from "@/lib/caller-verification/token";
import { Alert } from "@/components/ui/alert";
import { AnswerForm } from "./_components/answer-form";

export const metadata: Metadata = {
  title: { absolute: `Is it you on the phone? · ${brand.helpCenterName}` },
  robots: { index: false },
  // The link's secret must not leak to other sites in a Referer header. Not "no-referrer": with it
  // the browser posts the no-JavaScript form with `Origin: null`, which Next refuses as CSRF.
  referrer: "same-origin",
};

function formatTime(date: Date): string {
  return `${date.toISOString().slice(11, 16)} UTC`;
}

// Opening the page changes nothing (mail scanners open links too); only the buttons answer.
export default async function VerifyCallerPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const request = VERIFICATION_TOKEN_PATTERN.test(token) ? await describeVerificationRequest(token) : null;
  return (
    <main id="main" className="mx-auto max-w-xl space-y-5 px-4 py-10 text-lg">
      <p className="text-base font-semibold text-slate-600 dark:text-slate-400">{brand.companyName}</p>
      <h1 className="text-2xl font-bold">Is it you on the phone with us?</h1>
      {!request ? (
        <Alert tone="error">
          This link is not valid. Nothing was changed. If you are worried about your account, call us on{" "}
          {brand.supportPhone}.
        </Alert>
      ) : (
        <>
          <p>
            {request.agentFirstName} from {brand.companyName} support is speaking to someone who says they are
            you, and is asking {request.purpose}. The request was sent at {formatTime(request.createdAt)}.
          </p>
          <Alert tone="warning">
            We will never ask you for a one-time code, your password or card details, and this page does not
            either. If the person on the phone asks you for a code, hang up.
          </Alert>
          {request.status === "PENDING" ? (
            <AnswerForm token={token} />
          ) : request.status === "CONFIRMED" ? (
            <>
              <Alert tone="success">You confirmed it is you. You can go back to the call.</Alert>
              <p className="text-base">Not you after all? Tell us now:</p>
              <AnswerForm token={token} onlyNo />
            </>
          ) : request.status === "DECLINED" ? (
            <Alert tone="success">
              You told us this was not you. We have stopped any changes to your sign-in security and our
              security team will contact you.
            </Alert>
          ) : request.status === "CANCELLED" ? (
            <Alert tone="info">
              The agent cancelled this request, so nothing was changed. You do not need to do anything.
            </Alert>
          ) : (
            <Alert tone="info">
              This request has expired, so nothing was changed. If you are on the phone with us, ask for a new
              one.
            </Alert>
          )}
        </>
      )}
    </main>
  );
}
