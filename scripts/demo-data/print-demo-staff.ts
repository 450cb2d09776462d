// Prints the demo staff sign-in details. Development only: the launcher and db:seed call this only
// when NODE_ENV is not "production", because these are public demo credentials.
import { DEMO_STAFF } from "./stories";

export function printDemoStaff(log: (message: string) => void): void {
  log("Demo staff accounts (development only; the TOTP key goes into any authenticator app):");
  for (const staff of Object.values(DEMO_STAFF)) {
    log(
      `  ${staff.role.padEnd(10)} ${staff.email.padEnd(24)} password: ${staff.password.padEnd(32)} TOTP key: ${staff.totpSecret}`,
    );
  }
}
