// The demo staff accounts (stories.ts lists their fixed sign-in details). Passwords are hashed and
// TOTP secrets encrypted by the same modules the sign-in code uses, so they sign in like anyone else.
import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { encryptAtRest } from "../../lib/crypto/at-rest";
import { DAYS, DEMO_STAFF, type DemoStaffKey } from "./stories";

export async function writeDemoStaff(
  client: pg.ClientBase,
  now: number,
  log?: (message: string) => void,
): Promise<Record<DemoStaffKey, string>> {
  const entries = Object.entries(DEMO_STAFF) as [DemoStaffKey, (typeof DEMO_STAFF)[DemoStaffKey]][];
  const hashes = await Promise.all(entries.map(([, staff]) => hashPassword(staff.password)));
  const ids = {} as Record<DemoStaffKey, string>;
  for (const [i, [key, staff]] of entries.entries()) {
    // An account someone already created with this email is theirs: keep it, never overwrite it.
    const inserted = await client.query<{ id: string }>(
      // demo = true: these passwords are published, so a production server refuses the accounts.
      `INSERT INTO staff_users (email, name, role, time_zone, password_hash, totp_secret_enc, totp_enrolled_at, created_at, updated_at, demo)
       VALUES ($1, $2, $3::"StaffRole", $4, $5, $6, $7, $8, $8, true)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [
        staff.email,
        staff.name,
        staff.role,
        staff.timeZone,
        hashes[i],
        encryptAtRest(staff.totpSecret),
        new Date(now - 30 * DAYS),
        new Date(now - 90 * DAYS),
      ],
    );
    let id = inserted.rows[0]?.id;
    if (!id) {
      log?.(`Staff account ${staff.email} already exists: kept as it is (its password is not the demo one).`);
      const existing = await client.query<{ id: string }>("SELECT id FROM staff_users WHERE email = $1", [
        staff.email,
      ]);
      id = existing.rows[0]?.id;
    }
    if (!id) throw new Error(`Could not write staff account ${staff.email}`);
    ids[key] = id;
  }
  return ids;
}
