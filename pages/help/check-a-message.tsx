// Check a message. The check runs in the reader's browser (components/help/browser/check-message.ts,
// the same rules as lib/message-checker): no fetch, no form post, no storage. This page is the form
// and the explanations; the script adds the verdict under the form.
import type { PageConfig } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/help/breadcrumbs";
import { HelpFrame, HelpHead } from "@/components/help/help-page";
import { brand } from "@/lib/content/brand";
import type { CheckBrand } from "@/lib/message-checker/check-message";

export const config: PageConfig = { unstable_runtimeJS: false };

const checkBrand: CheckBrand = {
  companyName: brand.companyName,
  officialDomains: brand.officialDomains,
  officialEmailDomains: brand.officialEmailDomains,
  supportPhone: brand.supportPhone,
};

export default function CheckAMessagePage() {
  return (
    <>
      <HelpHead
        title="Check a suspicious text or email"
        description={`Paste a text or email that claims to be from ${brand.companyName} and see its red flags. The text stays in your browser.`}
        canonical="/help/check-a-message"
      />
      <HelpFrame>
        <div className="max-w-3xl">
          <Breadcrumbs
            crumbs={[
              { name: "Help", path: "/" },
              { name: "Check a message", path: "/help/check-a-message" },
            ]}
          />
          <h1 className="mt-4 text-3xl font-bold tracking-tight">Check a suspicious text or email</h1>
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">
            Got a message that says it’s from {brand.companyName}? Paste it below to see its red flags.
          </p>
          <p className="mt-3 rounded-md border border-brand bg-brand-soft p-3 text-brand-soft-ink">
            <strong>Private:</strong> the check runs in your browser only. The message is not sent to us or
            anyone else, and it is not saved.
          </p>
          <noscript>
            <p className="mt-4 rounded-md border border-amber-700 p-3">
              This check needs JavaScript. Without it, read{" "}
              <Link prefetch={false} href="/help/is-this-code-message-real" className="underline">
                how to tell if a code message is real
              </Link>
              , or{" "}
              <Link prefetch={false} href="/report" className="underline">
                report the message to us
              </Link>
              .
            </p>
          </noscript>
          <div className="mt-6 space-y-6" data-message-checker={JSON.stringify(checkBrand)}>
            <form className="space-y-3" data-checker-form="">
              <label htmlFor="checker-text" className="block text-lg font-semibold">
                Paste the text or email here
              </label>
              <p id="checker-hint" className="text-slate-700 dark:text-slate-300">
                Include any links and phone numbers. You can remove your name and other personal details
                first.
              </p>
              <textarea
                id="checker-text"
                name="message"
                rows={8}
                spellCheck={false}
                maxLength={20000}
                aria-describedby="checker-hint"
                className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-base text-slate-900 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100"
              />
              <div className="flex flex-wrap gap-3">
                <button
                  type="submit"
                  className="rounded-md bg-brand px-5 py-2 text-lg font-semibold text-on-brand hover:bg-brand-strong disabled:opacity-60"
                >
                  Check message
                </button>
                <button
                  type="reset"
                  className="rounded-md border border-slate-400 px-5 py-2 text-lg font-semibold hover:bg-slate-100 dark:border-slate-500 dark:hover:bg-slate-800"
                >
                  Clear
                </button>
              </div>
            </form>
            <div role="status" aria-live="polite" data-checker-result="" />
          </div>
          <section aria-labelledby="checker-limits" className="mt-10 space-y-2">
            <h2 id="checker-limits" className="text-xl font-bold">
              What this check can and can’t tell you
            </h2>
            <p>
              It looks for the things scams ask for: codes, passwords, payments, and links or phone numbers
              that aren’t ours. A clean result doesn’t prove a message is real. When in doubt, open the{" "}
              {brand.appName} or go to {brand.officialDomains[0]} yourself.
            </p>
            <p>
              Read{" "}
              <Link
                prefetch={false}
                href="/help/is-this-code-message-real"
                className="text-brand-ink underline underline-offset-2"
              >
                how to tell if a code message is really from us
              </Link>{" "}
              and{" "}
              <Link
                prefetch={false}
                href="/help/common-scam-scripts"
                className="text-brand-ink underline underline-offset-2"
              >
                common scams and how to spot them
              </Link>
              .
            </p>
          </section>
        </div>
      </HelpFrame>
    </>
  );
}
