// The public help center. Every page here is static: no cookies, no headers, no database reads.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { BrandStyle } from "@/components/help/brand-style";
import { SiteFooter } from "@/components/help/site-footer";
import { SkipLink } from "@/components/help/site-header";
import { brand } from "@/lib/content/brand";

export const metadata: Metadata = {
  title: { default: brand.helpCenterName, template: `%s · ${brand.helpCenterName}` },
  description: `Help from ${brand.companyName} with one-time codes, two-step verification, scam calls and fake messages.`,
  openGraph: { siteName: brand.helpCenterName, type: "website", locale: "en_GB" },
  twitter: { card: "summary" },
};

export default function HelpLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <BrandStyle />
      <SkipLink />
      {children}
      <SiteFooter />
    </>
  );
}
