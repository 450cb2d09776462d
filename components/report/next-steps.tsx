import Link from "next/link";
import type { AuthorityAdvice, NextStep } from "@/lib/scam-reports/next-steps";

export function NextSteps({ steps }: { steps: NextStep[] }) {
  return (
    <ol className="space-y-4" data-testid="next-steps">
      {steps.map((step) => (
        <li
          key={step.key}
          data-step={step.key}
          className={
            step.urgent
              ? "rounded-md border-l-4 border-red-600 bg-red-50 p-4 dark:bg-red-950"
              : "rounded-md border-l-4 border-blue-600 bg-slate-50 p-4 dark:bg-slate-900"
          }
        >
          <h3 className="font-semibold">{step.title}</h3>
          <p className="mt-1">{step.body}</p>
          {step.links.length ? (
            <ul className="mt-2 space-y-1">
              {step.links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    prefetch={false}
                    className="text-blue-700 underline dark:text-blue-300"
                  >
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function NationalAuthorities({ authorities }: { authorities: readonly AuthorityAdvice[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="national-authorities">
      {authorities.map((region) => (
        <section
          key={region.region}
          aria-labelledby={`authority-${region.region}`}
          className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
        >
          <h3 id={`authority-${region.region}`} className="font-semibold">
            {region.region}
          </h3>
          <ul className="mt-2 space-y-3">
            {region.items.map((item) => (
              <li key={item.name}>
                <p className="font-medium">
                  {item.href ? (
                    <a
                      href={item.href}
                      className="text-blue-700 underline dark:text-blue-300"
                      rel="noopener noreferrer"
                    >
                      {item.name}
                    </a>
                  ) : (
                    item.name
                  )}
                </p>
                <p className="text-sm">{item.how}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
