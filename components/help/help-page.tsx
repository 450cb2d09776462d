// The frame of every script-free help page (pages/, see docs/decisions/009): head tags, skip link,
// header, main landmark and footer. The App Router's metadata API does not exist in the Pages
// Router, so titles, canonical links and Open Graph tags are written here with next/head.
import Head from "next/head";
import type { ReactNode } from "react";
import { brand } from "@/lib/content/brand";
import { absoluteUrl } from "@/lib/content/site";
import { SiteFooter } from "./site-footer";
import { SiteHeader, SkipLink } from "./site-header";

export type HelpHeadProps = {
  /** Page title without the brand; the brand is appended ("Title · Brand Help"). */
  title: string;
  /** A complete title that replaces the "Title · Brand" pattern (the home page). */
  absoluteTitle?: string;
  description: string;
  /** Site-relative canonical path; omitted for pages that should not be indexed. */
  canonical?: string;
  noIndex?: boolean;
  ogType?: "website" | "article";
  modifiedTime?: string;
};

export function helpTitle(title: string): string {
  return `${title} · ${brand.helpCenterName}`;
}

export function HelpHead({
  title,
  absoluteTitle,
  description,
  canonical,
  noIndex,
  ogType = "website",
  modifiedTime,
}: HelpHeadProps) {
  const fullTitle = absoluteTitle ?? helpTitle(title);
  return (
    <Head>
      <title>{fullTitle}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={description} />
      {/* Keys keep next/head from merging the two theme colours into one. */}
      <meta key="theme-light" name="theme-color" media="(prefers-color-scheme: light)" content="#f8fafc" />
      <meta key="theme-dark" name="theme-color" media="(prefers-color-scheme: dark)" content="#0f172a" />
      {noIndex ? <meta name="robots" content="noindex, follow" /> : null}
      {canonical ? <link rel="canonical" href={absoluteUrl(canonical)} /> : null}
      <meta property="og:title" content={absoluteTitle ? brand.helpCenterName : title} />
      <meta property="og:description" content={description} />
      <meta property="og:site_name" content={brand.helpCenterName} />
      <meta property="og:locale" content="en_GB" />
      <meta property="og:type" content={ogType} />
      {canonical ? <meta property="og:url" content={absoluteUrl(canonical)} /> : null}
      {modifiedTime ? <meta property="article:modified_time" content={modifiedTime} /> : null}
      <meta name="twitter:card" content="summary" />
    </Head>
  );
}

/** Header (optionally without its search field), main landmark and footer. */
export function HelpFrame({
  children,
  headerSearch = true,
  mainClassName = "mx-auto max-w-5xl px-4 py-6 focus:outline-none",
}: {
  children: ReactNode;
  headerSearch?: boolean;
  mainClassName?: string;
}) {
  return (
    <>
      <SkipLink />
      <SiteHeader withSearch={headerSearch} />
      <main id="main" tabIndex={-1} className={mainClassName}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
