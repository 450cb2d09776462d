// Secrets the desk must read back (staff TOTP secrets, integration signing secrets) are encrypted
// at rest with AES-256-GCM. The key comes from TOTP_ENCRYPTION_KEYS (named for its first use),
// a comma-separated list of `keyId:base64key`; the first key encrypts, every listed key decrypts,
// so a key is rotated by putting a new one first and re-encrypting (see docs/operations.md).
// Stored form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { requiredEnv } from "@/lib/env";

type Key = { id: string; key: Buffer };

function loadKeys(raw = requiredEnv("TOTP_ENCRYPTION_KEYS")): Key[] {
  return raw.split(",").map((entry) => {
    const [id, material] = entry.trim().split(":");
    const key = Buffer.from(material ?? "", "base64");
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      throw new Error("TOTP_ENCRYPTION_KEYS entries must look like `keyId:<32 bytes in base64>`.");
    }
    return { id, key };
  });
}

export function encryptAtRest(plaintext: string): string {
  const [active] = loadKeys();
  if (!active) throw new Error("TOTP_ENCRYPTION_KEYS has no key.");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", active.key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", active.id, iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

export function decryptAtRest(stored: string): string {
  const [version, keyId, iv, ciphertext, tag] = stored.split(".");
  if (version !== "v1" || !keyId || !iv || !ciphertext || !tag) {
    throw new Error("Unrecognised encrypted secret format.");
  }
  const key = loadKeys().find((candidate) => candidate.id === keyId);
  if (!key) throw new Error(`No at-rest encryption key with id "${keyId}" is configured.`);
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
    "utf8",
  );
}

/** Whether a stored value has this module's encrypted form (`v1.<keyId>.<iv>.<ciphertext>.<tag>`). */
export function isEncryptedAtRest(stored: string): boolean {
  return /^v1\.[A-Za-z0-9_-]{1,32}(\.[A-Za-z0-9_-]+){3}$/.test(stored);
}

/** The id of the key that encrypts new secrets (the first in TOTP_ENCRYPTION_KEYS). */
export function activeAtRestKeyId(): string {
  const [active] = loadKeys();
  if (!active) throw new Error("TOTP_ENCRYPTION_KEYS has no key.");
  return active.id;
}

/** The key id a stored secret was encrypted with: rotation re-encrypts those not under the active key. */
export function atRestKeyId(stored: string): string | undefined {
  return stored.split(".")[1];
}

export function generateEncryptionKey(id: string): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}
