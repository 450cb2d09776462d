// The HTML shell of the script-free help pages (see docs/decisions/009). No framework script is
// sent (each page sets unstable_runtimeJS: false); the one script is the help center's own
// progressive enhancement, an ES module built by scripts/build-help-assets.ts. Modules run after
// parsing and never block rendering.
import { Head, Html, Main, NextScript } from "next/document";
import { BrandStyle } from "@/components/help/brand-style";
import { HELP_SCRIPT_PATH } from "@/components/help/browser/asset-paths";

export default function HelpDocument() {
  return (
    <Html lang="en">
      <Head>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <BrandStyle />
      </Head>
      <body className="min-h-dvh bg-white font-brand text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <Main />
        <NextScript />
        <script type="module" src={HELP_SCRIPT_PATH} defer />
      </body>
    </Html>
  );
}
