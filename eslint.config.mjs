import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      ".contentlayer/**",
      "lib/generated/**",
      "scripts/tmp/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // Built from components/help/browser/ by scripts/build-help-assets.ts.
      "public/help-assets/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.mjs", "lib/http/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "@next/next": nextPlugin, "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "import-x/no-cycle": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/only-throw-error": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/app/*", "@/components/*"], message: "lib must not import app or components" },
          ],
        },
      ],
    },
  },
  {
    // Components are shared by routes, so they never depend on one: a form that needs a route's
    // server action lives in that route's _components/ folder or takes the action as a prop.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "**/app/*"],
              message:
                "components must not import app: move the form to app/**/_components/ or pass the action as a prop",
            },
          ],
        },
      ],
    },
  },
  {
    // app (and pages, the script-free help center of decision 009) is the top layer; tests and
    // scripts may reach anything.
    files: ["app/**", "pages/**", "e2e/**", "scripts/**", "test/**", "system/**", "*.ts", "*.mjs"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Specs use e2e/support/test.ts, whose fixtures fail a test on any CSP violation.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              message: "Import test and expect from ./support/test (it watches for CSP violations).",
            },
          ],
        },
      ],
    },
  },
  {
    // Vitest's and Playwright's asymmetric matchers (expect.stringMatching ...) are typed `any`.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: "readonly" } },
  },
);
