// Development secrets, generated once into .data/dev-secrets.json so that a new user needs no
// configuration. Never used when the variables are set, and never for a deployment with its own
// DATABASE_URL under `npm start` (production must configure real secrets; see README).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateEncryptionKey } from "../../lib/crypto/at-rest";

const FILE = path.resolve(".data/dev-secrets.json");

type DevSecrets = Record<
  "NEXTAUTH_SECRET" | "TOTP_ENCRYPTION_KEYS" | "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
  string
>;

function readOrCreate(): DevSecrets {
  if (existsSync(FILE)) return JSON.parse(readFileSync(FILE, "utf8")) as DevSecrets;
  const secrets: DevSecrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    TOTP_ENCRYPTION_KEYS: generateEncryptionKey("dev1"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
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
