// Staff password hashing: argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
// No "server-only" import: the seed and the create-admin CLI use this too, and it touches no data.
import { hash, verify } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum, which verbatimModuleSyntax cannot import: 2 is Argon2id.
const ARGON2ID = 2;
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, PARAMS);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    // A malformed stored hash is a failed check, never a crash of the sign-in path.
    return false;
  }
}

/**
 * A fixed hash verified when the email is unknown, so that "no such staff member" costs the same
 * time as "wrong password" (no account enumeration by timing).
 */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(plain: string): Promise<false> {
  dummyHash ??= hashPassword("timing-equaliser-not-a-real-password");
  await verifyPassword(await dummyHash, plain);
  return false;
}
