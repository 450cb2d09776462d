// Renders an article's compiled MDX on the server with the brand components. No client code.
import { getMDXComponent } from "next-contentlayer2/hooks";
import Link from "next/link";
import type { AnchorHTMLAttributes } from "react";
import {
  AppName,
  CompanyName,
  OfficialEmailDomain,
  OfficialWebsite,
  SecurityPageLink,
  SupportPhone,
} from "./brand-components";
import { Callout } from "./callout";

function Anchor({ href = "", children, ...props }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  const className = "text-brand-ink underline underline-offset-2 hover:decoration-2";
  if (href.startsWith("/")) {
    return (
      <Link href={href} className={className} prefetch={false}>
        {children}
      </Link>
    );
  }
  const external = /^https?:/.test(href);
  return (
    <a href={href} className={className} {...(external ? { rel: "noopener noreferrer" } : {})} {...props}>
      {children}
    </a>
  );
}

const components = {
  a: Anchor,
  Callout,
  CompanyName,
  AppName,
  SupportPhone,
  OfficialWebsite,
  OfficialEmailDomain,
  SecurityPageLink,
};

const cache = new Map<string, ReturnType<typeof getMDXComponent>>();

export function MdxContent({ code }: { code: string }) {
  let Component = cache.get(code);
  if (!Component) {
    Component = getMDXComponent(code);
    cache.set(code, Component);
  }
  return <Component components={components} />;
}
