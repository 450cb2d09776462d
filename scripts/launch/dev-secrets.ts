// Development secrets, generated once into .data/dev-secrets.json so that a new user needs no
// configuration. Never used when the variables are set, and never for a deployment with its own
// DATABASE_URL under `npm start` (production must configure real secrets; see README).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateEncryptionKey } from "../../lib/crypto/at-rest";

const FILE = path.resolve(".data/dev-secrets.json");

const NAMES = [
  "NEXTAUTH_SECRET",
  "TOTP_ENCRYPTION_KEYS",
  "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  "SSF_SIGNING_KEY",
] as const;
type DevSecrets = Record<(typeof NAMES)[number], string>;

function generate(): DevSecrets {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOTP_ENCRYPTION_KEYS: generateEncryptionKey("dev1"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SSF_SIGNING_KEY: JSON.stringify(
      generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }),
    ),
  };
}

function readOrCreate(): DevSecrets {
  // A file from before a secret was added gets the new one; existing values are kept.
  const existing = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, "utf8")) as Partial<DevSecrets>) : {};
  if (NAMES.every((name) => name in existing)) return existing as DevSecrets;
  const secrets: DevSecrets = { ...generate(), ...existing };
  mkdirSync(path.dirname(FILE), { recursive: true });
  writeFileSync(FILE, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
}

/** Fills in any secret the environment lacks. */
export function applyDevSecrets(environment: NodeJS.ProcessEnv): void {
  const secrets = readOrCreate();
  for (const [name, value] of Object.entries(secrets)) {
    environment[name] ??= value;
  }
}
