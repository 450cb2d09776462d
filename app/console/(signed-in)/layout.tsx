import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { currentStepUpMethods, requireStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { Badge } from "@/components/ui/badge";
import { ConsoleNav, type ConsoleNavLink } from "@/components/console/console-nav";
import { ConsoleSearch } from "@/components/console/console-search";
import { countWorkload } from "@/lib/workspace/workload";
import { StepUpProvider } from "@/components/console/step-up-context";
import { SignOutButton } from "@/components/console/sign-out-button";
import { ssoDisplayName } from "@/lib/auth/sso-config";
import { startPasskeyStepUpAction } from "../passkey-actions";
import { confirmStepUp, confirmStepUpWithPasskey } from "../step-up-action";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const [counts, stepUp] = await Promise.all([countWorkload(staff.id, staff.role), currentStepUpMethods()]);
  const ssoName = ssoDisplayName();
  const density = (await cookies()).get("console-density")?.value === "compact" ? "compact" : "comfortable";
  const links: ConsoleNavLink[] = [
    { href: "/console", label: "My work" },
    { href: "/console/customers", label: "Customers" },
    {
      href: "/console/cases",
      label: "Cases",
      count: counts.myCases,
      countLabel: `${counts.myCases} open assigned to you`,
    },
    ...(counts.reportsToTriage !== null
      ? [
          {
            href: "/console/scam-reports",
            label: "Scam reports",
            count: counts.reportsToTriage,
            countLabel: `${counts.reportsToTriage} new to triage`,
          },
        ]
      : []),
    ...(counts.approvals !== null
      ? [
          {
            href: "/console/approvals",
            label: "Approvals",
            count: counts.approvals,
            countLabel: `${counts.approvals} waiting for your approval`,
          },
        ]
      : []),
    ...(can(staff, "analytics:view") ? [{ href: "/console/analytics", label: "Analytics" }] : []),
    ...(can(staff, "audit:view") ? [{ href: "/console/audit", label: "Audit log" }] : []),
    ...(can(staff, "outbox:view") ? [{ href: "/console/outbox", label: "Outbox" }] : []),
    ...(can(staff, "staff:manage") ? [{ href: "/console/staff", label: "Staff" }] : []),
    ...(can(staff, "api-key:manage") ? [{ href: "/console/api-keys", label: "API keys" }] : []),
    ...(counts.failingDeliveries !== null
      ? [
          {
            href: "/console/integrations",
            label: "Integrations",
            count: counts.failingDeliveries,
            countLabel: `${counts.failingDeliveries} account actions failing to reach the identity system`,
            alert: true,
          },
        ]
      : []),
    ...(can(staff, "content:manage") ? [{ href: "/console/help-center", label: "Help center" }] : []),
    { href: "/console/account", label: "My account" },
  ];
  return (
    <div className="min-h-dvh bg-slate-50 dark:bg-slate-950" data-density={density}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {/* Two rows by design: who and search above, the navigation below on one line of its own
            that scrolls sideways if it must. Nothing wraps at 1280 px, whatever the role. */}
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 pt-3">
          <Link href="/console" className="shrink-0 font-bold">
            Account Security Desk
          </Link>
          <ConsoleSearch staffId={staff.id} />
          <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
            <span data-testid="whoami" className="min-w-0 truncate" title={staff.email}>
              {staff.name}{" "}
              <span className="hidden text-slate-600 xl:inline dark:text-slate-400">({staff.email})</span>
            </span>
            <Badge tone={staff.role === "ADMIN" ? "red" : staff.role === "SUPERVISOR" ? "amber" : "blue"}>
              {staff.role.toLowerCase()}
            </Badge>
            <SignOutButton />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 py-2">
          <ConsoleNav links={links} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        <StepUpProvider
          confirm={confirmStepUp}
          passkey={
            stepUp && stepUp.passkeys > 0
              ? { start: startPasskeyStepUpAction, confirm: confirmStepUpWithPasskey }
              : null
          }
          methods={{
            code: stepUp?.code ?? false,
            // Offered to those who signed in through the IdP (and, by the prompt, only without a passkey).
            sso: ssoName && staff.signInMethod === "SSO" ? { name: ssoName } : null,
          }}
        >
          {children}
        </StepUpProvider>
      </main>
    </div>
  );
}
// No loading.tsx in the console on purpose: a Suspense boundary at the layout would start the
// response before a page can answer 403 or 404, and those must reach the browser as status codes.
