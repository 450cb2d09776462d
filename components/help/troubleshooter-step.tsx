import Link from "next/link";
import { Breadcrumbs } from "@/components/help/breadcrumbs";
import { Callout } from "@/components/help/callout";
import { articlePath } from "@/lib/content/articles";
import { brand, telHref } from "@/lib/content/brand";
import {
  stillNotWorkingSteps,
  TROUBLESHOOTER_START,
  troubleshooterParents,
  troubleshooterPath,
  troubleshooterStartPath,
  type TroubleshooterNode,
} from "@/lib/content/troubleshooter";

const linkClass = "text-brand-ink underline underline-offset-2";

/** One step of the troubleshooter: a question with linked answers, or a fix. Server-rendered only. */
export function TroubleshooterStep({ node }: { node: TroubleshooterNode }) {
  const parents = troubleshooterParents(node.id);
  const previous = parents.length === 1 ? parents[0] : undefined;
  const crumbs = [
    { name: "Help", path: "/" },
    { name: "Code troubleshooter", path: troubleshooterStartPath },
    ...(node.id === TROUBLESHOOTER_START
      ? []
      : [{ name: node.kind === "fix" ? "Your fix" : "Question", path: troubleshooterPath(node.id) }]),
  ];
  return (
    <div className="max-w-3xl">
      <Breadcrumbs crumbs={crumbs} />
      {node.kind === "question" ? (
        <>
          <p className="mt-4 text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
            Code troubleshooter
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{node.question}</h1>
          {node.hint ? <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{node.hint}</p> : null}
          <h2 className="sr-only">Choose an answer</h2>
          <ul className="mt-6 space-y-3">
            {node.answers.map((answer) => (
              <li key={answer.next}>
                <Link
                  prefetch={false}
                  href={troubleshooterPath(answer.next)}
                  className="block rounded-lg border border-slate-400 px-4 py-3 text-lg font-medium text-brand-ink hover:border-brand hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-900"
                >
                  {answer.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p className="mt-4 text-sm font-semibold tracking-wide text-green-800 uppercase dark:text-green-300">
            Your fix
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{node.title}</h1>
          <ol className="mt-6 list-decimal space-y-2 pl-6 text-lg">
            {node.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className="mt-6 text-lg">
            Read more:{" "}
            <Link
              prefetch={false}
              href={`${articlePath(node.article.slug)}${node.article.anchor ? `#${node.article.anchor}` : ""}`}
              className={`${linkClass} font-semibold`}
            >
              {node.article.label}
            </Link>
          </p>
          <section
            aria-labelledby="still-not-working"
            className="mt-8 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
          >
            <h2 id="still-not-working" className="text-xl font-bold">
              Still not working?
            </h2>
            <ul className="mt-3 space-y-3">
              {stillNotWorkingSteps(node).map((step) => (
                <li key={step.href}>
                  <Link prefetch={false} href={step.href} className={`${linkClass} font-semibold`}>
                    {step.label}
                  </Link>
                  <span className="block text-slate-700 dark:text-slate-300">{step.description}</span>
                </li>
              ))}
              <li>
                <span className="font-semibold">Talk to us: </span>
                <a
                  href={telHref(brand.supportPhone)}
                  className={`${linkClass} font-semibold whitespace-nowrap`}
                >
                  {brand.supportPhone}
                </a>
                <span className="block text-slate-700 dark:text-slate-300">
                  We’ll check your account with you. We will never ask for a code.
                </span>
              </li>
            </ul>
          </section>
          <div className="mt-6">
            <Callout type="danger" title="Never share a code">
              <p>
                {brand.companyName} will never ask you for a code, by phone, text or email. Not even to “help”
                you fix this.
              </p>
            </Callout>
          </div>
        </>
      )}
      <nav aria-label="Troubleshooter" className="mt-8 flex flex-wrap gap-x-6 gap-y-2">
        {previous ? (
          <Link prefetch={false} href={troubleshooterPath(previous.id)} className={linkClass}>
            ← Previous question
          </Link>
        ) : null}
        {node.id !== TROUBLESHOOTER_START ? (
          <Link prefetch={false} href={troubleshooterStartPath} className={linkClass}>
            Start over
          </Link>
        ) : null}
        <Link prefetch={false} href={articlePath("my-code-is-not-working")} className={linkClass}>
          See every fix on one page
        </Link>
      </nav>
    </div>
  );
}
