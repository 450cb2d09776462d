// The MDX components articles use for anything brand-specific (lib/content/brand.ts).
import { brand, telHref } from "@/lib/content/brand";

const linkClasses = "font-medium text-brand-ink underline underline-offset-2";

export function CompanyName() {
  return <>{brand.companyName}</>;
}

export function AppName() {
  return <>{brand.appName}</>;
}

export function SupportPhone() {
  return (
    <a href={telHref(brand.supportPhone)} className={`${linkClasses} whitespace-nowrap`}>
      {brand.supportPhone}
    </a>
  );
}

export function OfficialWebsite() {
  const domain = brand.officialDomains[0] ?? "";
  return (
    <a href={`https://${domain}`} className={linkClasses} rel="noopener">
      {domain}
    </a>
  );
}

export function OfficialEmailDomain() {
  return <strong className="whitespace-nowrap">@{brand.officialEmailDomains[0]}</strong>;
}

export function SecurityPageLink({ children }: { children?: React.ReactNode }) {
  return (
    <a href={brand.securityPageUrl} className={linkClasses} rel="noopener">
      {children ?? "security page"}
    </a>
  );
}
