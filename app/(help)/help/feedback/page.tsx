// Where the "Was this helpful?" form lands when JavaScript is off (POST /api/feedback → 303 here).
// Rendered per request from its query string; nothing in it is trusted beyond picking a message.
import type { Metadata } from "next";
import Link from "next/link";
import { FeedbackForm } from "@/components/help/feedback-form";
import { articlePath, findArticle } from "@/lib/content/articles";
import { brand } from "@/lib/content/brand";
import { feedbackMessages } from "@/lib/feedback/schemas";
import { THANKS_MESSAGE } from "@/lib/feedback/submit-feedback";

export const metadata: Metadata = {
  title: { absolute: `Feedback · ${brand.helpCenterName}` },
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function FeedbackResultPage({ searchParams }: Props) {
  const params = await searchParams;
  const result = first(params.result);
  const article = findArticle(first(params.article));
  const fields = new Set(first(params.fields).split(","));
  const back = article ? (
    <p className="mt-6">
      <Link
        prefetch={false}
        href={articlePath(article.slug)}
        className="font-semibold text-brand-ink underline underline-offset-2"
      >
        Back to “{article.title}”
      </Link>
    </p>
  ) : (
    <p className="mt-6">
      <Link prefetch={false} href="/" className="font-semibold text-brand-ink underline underline-offset-2">
        Back to the help center
      </Link>
    </p>
  );

  if (result === "thanks") {
    return (
      <div className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight">Thanks for your feedback</h1>
        <p role="status" className="mt-3 text-lg">
          {THANKS_MESSAGE}
        </p>
        {back}
      </div>
    );
  }

  if (result === "rate-limited") {
    return (
      <div className="max-w-3xl">
        <h1 className="text-3xl font-bold tracking-tight">Please wait a few minutes</h1>
        <p role="alert" className="mt-3 text-lg">
          You’ve sent a lot of feedback in a short time. Please try again in a few minutes.
        </p>
        {back}
      </div>
    );
  }

  const problems = [
    ...(fields.has("helpful") ? [feedbackMessages.helpfulMissing] : []),
    ...(fields.has("comment") ? [feedbackMessages.commentTooLong] : []),
  ];
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">Your feedback wasn’t sent</h1>
      {article ? (
        <>
          <p className="mt-3 text-lg">About: {article.title}</p>
          <div className="mt-6 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
            <FeedbackForm
              articleSlug={article.slug}
              initialState={{
                status: "invalid",
                message: problems.join(" ") || "Please check your answer and send it again.",
                fieldErrors: {
                  ...(fields.has("helpful") ? { helpful: [feedbackMessages.helpfulMissing] } : {}),
                  ...(fields.has("comment") ? { comment: [feedbackMessages.commentTooLong] } : {}),
                },
              }}
            />
          </div>
        </>
      ) : (
        <p role="alert" className="mt-3 text-lg">
          {feedbackMessages.articleMissing}
        </p>
      )}
      {back}
    </div>
  );
}
