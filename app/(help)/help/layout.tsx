import type { ReactNode } from "react";
import { SiteHeader } from "@/components/help/site-header";

export default function HelpPagesLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-6 focus:outline-none">
        {children}
      </main>
    </>
  );
}
