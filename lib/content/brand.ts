// The white-label brand: every company-specific word, number and domain the help center shows.
// Articles reach it only through MDX components (components/help/mdx-components.tsx), never by
// writing the name. The defaults are a fictional demo brand: "Northwind Market", the reserved
// .example domain, and a UK number from Ofcom's range kept for drama (020 7946 0xxx).
//
// A deployment overrides it with BRAND_* environment variables (lib/env.ts) at build time (the help
// pages are static, so the values are baked into the HTML when `next build` runs).
import { env, type Env } from "@/lib/env";
import { demoTheme, type BrandTheme } from "./brand-theme";

export type Brand = {
  companyName: string;
  appName: string;
  /** As shown to readers, e.g. "+44 20 7946 0321". */
  supportPhone: string;
  /** Official web domains; the first is the main website. */
  officialDomains: string[];
  /** Domains that the company's email comes from. */
  officialEmailDomains: string[];
  /** Path or URL of the company's own security page. */
  securityPageUrl: string;
  /** Name of the help center itself. */
  helpCenterName: string;
  /** Colours (light and dark) and font: the design tokens of brand-theme.ts. */
  theme: BrandTheme;
};

const demoBrand: Brand = {
  companyName: "Northwind Market",
  appName: "Northwind app",
  supportPhone: "+44 20 7946 0321",
  officialDomains: ["northwind.example"],
  officialEmailDomains: ["northwind.example"],
  securityPageUrl: "https://northwind.example/security",
  helpCenterName: "Northwind Market Help",
  theme: demoTheme,
};

type BrandSettings = Partial<Pick<Env, `BRAND_${string}` & keyof Env>>;

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

/** The brand, with any BRAND_* environment overrides applied. */
export function loadBrand(source: BrandSettings = env()): Brand {
  const companyName = source.BRAND_COMPANY_NAME?.trim() || demoBrand.companyName;
  const officialDomains = list(source.BRAND_OFFICIAL_DOMAINS) ?? demoBrand.officialDomains;
  return {
    companyName,
    appName: source.BRAND_APP_NAME?.trim() || demoBrand.appName,
    supportPhone: source.BRAND_SUPPORT_PHONE?.trim() || demoBrand.supportPhone,
    officialDomains,
    officialEmailDomains: list(source.BRAND_OFFICIAL_EMAIL_DOMAINS) ?? officialDomains,
    securityPageUrl: source.BRAND_SECURITY_PAGE_URL?.trim() || `https://${officialDomains[0]}/security`,
    helpCenterName: source.BRAND_HELP_CENTER_NAME?.trim() || `${companyName} Help`,
    theme: demoBrand.theme,
  };
}

export const brand: Brand = loadBrand();

/** "tel:" form of a displayed number: "+44 20 7946 0321" → "tel:+442079460321". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
