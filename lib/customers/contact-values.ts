// Replaced and new email addresses and phone numbers (account_changes.previous_value / new_value)
// are personal data the desk keeps for the risk window, so they are encrypted at rest with the same
// keys as other secrets (lib/crypto/at-rest.ts). Everything that writes or reads them goes through
// these two functions.
import { decryptAtRest, encryptAtRest, isEncryptedAtRest } from "@/lib/crypto/at-rest";

export function sealContact(value: string | null | undefined): string | null {
  return value ? encryptAtRest(value) : null;
}

/** Rows written before encryption (development databases from before 2026-12-03) read as they are. */
export function openContact(stored: string | null): string | null {
  if (!stored) return null;
  return isEncryptedAtRest(stored) ? decryptAtRest(stored) : stored;
}
