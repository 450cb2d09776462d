import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appUrl, documentedVariables, parseEnv, privateNetworkAllowed } from "./env";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [full] : [];
  });
}

describe("environment", () => {
  it("has a default for everything in development", () => {
    const values = parseEnv({});
    expect(values).toMatchObject({
      NODE_ENV: "development",
      DATABASE_POOL_SIZE: 10,
      LOG_LEVEL: "info",
    });
    expect(appUrl(values)).toBe("http://localhost:3000");
  });

  it("refuses to run a production server without its address and secrets, naming each variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /APP_URL: required[\s\S]*NEXTAUTH_SECRET: required[\s\S]*TOTP_ENCRYPTION_KEYS: required/,
    );
    expect(() =>
      parseEnv({
        NODE_ENV: "production",
        APP_URL: "https://desk.example.com",
        NEXTAUTH_SECRET: "short",
        TOTP_ENCRYPTION_KEYS: "k1:x",
      }),
    ).toThrow(/NEXTAUTH_SECRET: NEXTAUTH_SECRET must be at least 32 characters/);
    // `next build` runs with NODE_ENV=production but without the server's secrets.
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NODE_ENV).toBe(
      "production",
    );
  });

  it("lets identity-system endpoints reach private networks only in development and the demo", () => {
    const production = {
      NODE_ENV: "production",
      APP_URL: "https://desk.example.com",
      NEXTAUTH_SECRET: "x".repeat(32),
      TOTP_ENCRYPTION_KEYS: "k1:x",
    };
    expect(privateNetworkAllowed(parseEnv({}))).toBe(true);
    expect(privateNetworkAllowed(parseEnv(production))).toBe(false);
    expect(() => parseEnv({ ...production, INTEGRATIONS_ALLOW_PRIVATE_NETWORK: "1" })).toThrow(
      /INTEGRATIONS_ALLOW_PRIVATE_NETWORK: must not be 1 in production/,
    );
    const demo = parseEnv({ ...production, DESK_DEMO: "1", INTEGRATIONS_ALLOW_PRIVATE_NETWORK: "1" });
    expect(privateNetworkAllowed(demo)).toBe(true);
  });

  it("reports malformed values and treats empty ones as unset", () => {
    expect(() => parseEnv({ APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => parseEnv({ DATABASE_POOL_SIZE: "lots" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(appUrl(parseEnv({ APP_URL: "https://help.example.com/" }))).toBe("https://help.example.com");
    expect(parseEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });

  it("is the only reader of process.env in the app", () => {
    const files = [
      ...["app", "components", "lib"].flatMap((dir) => sourceFiles(path.join(root, dir))),
      path.join(root, "proxy.ts"),
    ];
    const readers = files.filter(
      (file) => !file.endsWith("lib/env.ts") && /process\.env\b/.test(readFileSync(file, "utf8")),
    );
    expect(readers.map((file) => path.relative(root, file))).toEqual([]);
  });

  it("is documented in README's configuration table, variable for variable", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const section = readme.slice(
      readme.indexOf("## Configuration"),
      readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5),
    );
    const listed = [...section.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1]);
    const documented = documentedVariables().filter((variable) => !variable.internal);
    expect(listed.toSorted()).toEqual(documented.map((variable) => variable.name).toSorted());
    for (const variable of documented) expect(variable.description.length, variable.name).toBeGreaterThan(10);
  });
});
