// The scam-report form and its confirmation wear the help center's header and footer. They live
// outside app/(help) because that group is static by design, while the form is rendered per request
// (it carries a freshly signed timing token).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { BrandStyle } from "@/components/help/brand-style";
import { SiteFooter } from "@/components/help/site-footer";
import { SiteHeader, SkipLink } from "@/components/help/site-header";
import { brand } from "@/lib/content/brand";

export const metadata: Metadata = {
  title: { default: `Report a scam · ${brand.helpCenterName}`, template: `%s · ${brand.helpCenterName}` },
};

export default function ReportLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <BrandStyle />
      <SkipLink />
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
