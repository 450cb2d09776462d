import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createStaff } from "@/test/factories/staff";
import { decryptAtRest, generateEncryptionKey, atRestKeyId } from "@/lib/crypto/at-rest";
import { reencryptAtRests } from "./totp-key-rotation";
import { refreshEnv } from "@/lib/env";

const originalKeys = process.env.TOTP_ENCRYPTION_KEYS;

afterEach(() => {
  process.env.TOTP_ENCRYPTION_KEYS = originalKeys;
  refreshEnv();
});

async function storedSecrets(): Promise<Map<string, string>> {
  const rows = await getDb().staffUser.findMany({ select: { id: true, totpSecretEnc: true } });
  return new Map(rows.map((row) => [row.id, row.totpSecretEnc ?? ""]));
}

describe("TOTP key rotation", () => {
  it("moves every secret to the new first key, after which the old key can be dropped", async () => {
    const staff = [await createStaff(), await createStaff({ role: "ADMIN" })];
    const oldKeys = process.env.TOTP_ENCRYPTION_KEYS ?? "";
    const oldId = atRestKeyId((await storedSecrets()).get(staff[0]?.id ?? "") ?? "");
    const newKey = generateEncryptionKey("k2026b");

    process.env.TOTP_ENCRYPTION_KEYS = `${newKey},${oldKeys}`;

    refreshEnv();
    expect(await reencryptAtRests()).toEqual({
      checked: 2,
      reencrypted: 2,
      alreadyCurrent: 0,
      changedMeanwhile: 0,
    });
    // A second run finds nothing to do.
    expect(await reencryptAtRests()).toMatchObject({ reencrypted: 0, alreadyCurrent: 2 });

    // Only the new key is left, and every secret still decrypts to what the staff member enrolled.
    process.env.TOTP_ENCRYPTION_KEYS = newKey;
    refreshEnv();
    const after = await storedSecrets();
    for (const member of staff) {
      const stored = after.get(member.id) ?? "";
      expect(atRestKeyId(stored)).toBe("k2026b");
      expect(atRestKeyId(stored)).not.toBe(oldId);
      expect(decryptAtRest(stored)).toBe(member.secret);
    }
  });
});
