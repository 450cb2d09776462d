import { afterEach, describe, expect, it } from "vitest";
import { decryptAtRest, encryptAtRest, generateEncryptionKey, atRestKeyId } from "./at-rest";
import { refreshEnv } from "@/lib/env";

const original = process.env.TOTP_ENCRYPTION_KEYS;
afterEach(() => {
  process.env.TOTP_ENCRYPTION_KEYS = original;
  refreshEnv();
});

describe("TOTP secret encryption", () => {
  it("round-trips and never stores the secret in clear", () => {
    process.env.TOTP_ENCRYPTION_KEYS = generateEncryptionKey("k1");
    refreshEnv();
    const stored = encryptAtRest("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    expect(stored).not.toContain("JBSWY3DP");
    expect(atRestKeyId(stored)).toBe("k1");
    expect(decryptAtRest(stored)).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  });

  it("uses a fresh IV every time", () => {
    process.env.TOTP_ENCRYPTION_KEYS = generateEncryptionKey("k1");
    refreshEnv();
    expect(encryptAtRest("AAAA")).not.toBe(encryptAtRest("AAAA"));
  });

  it("decrypts secrets made under an older key after rotation, and encrypts under the new one", () => {
    const oldKey = generateEncryptionKey("old");
    process.env.TOTP_ENCRYPTION_KEYS = oldKey;
    refreshEnv();
    const stored = encryptAtRest("SECRETSECRET");
    process.env.TOTP_ENCRYPTION_KEYS = `${generateEncryptionKey("new")},${oldKey}`;
    refreshEnv();
    expect(decryptAtRest(stored)).toBe("SECRETSECRET");
    expect(atRestKeyId(encryptAtRest("X"))).toBe("new");
  });

  it("refuses tampered ciphertext and unknown keys", () => {
    process.env.TOTP_ENCRYPTION_KEYS = generateEncryptionKey("k1");
    refreshEnv();
    const stored = encryptAtRest("SECRETSECRET");
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered!!!!").toString("base64url");
    expect(() => decryptAtRest(parts.join("."))).toThrow();
    process.env.TOTP_ENCRYPTION_KEYS = generateEncryptionKey("other");
    refreshEnv();
    expect(() => decryptAtRest(stored)).toThrow(/No at-rest encryption key/);
  });

  it("refuses a malformed key configuration with a clear message", () => {
    process.env.TOTP_ENCRYPTION_KEYS = "k1:short";
    refreshEnv();
    expect(() => encryptAtRest("X")).toThrow(/32 bytes/);
  });
});
