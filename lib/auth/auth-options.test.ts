import { afterEach, describe, expect, it, vi } from "vitest";
import { SIGN_IN_UNAVAILABLE, authorizeStaff } from "./auth-options";
import { refreshEnv } from "@/lib/env";

describe("authorizeStaff", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers a database outage with a generic message, never the driver's text with the database's address", async () => {
    // Nothing listens on port 1: every query fails as when PostgreSQL is down. This file never
    // touched the database before, so the Prisma client is created with this address.
    process.env.DATABASE_URL = "postgresql://postgres:secret-password@127.0.0.1:1/desk";
    refreshEnv();
    const logged = vi.spyOn(process.stderr, "write").mockReturnValue(true);

    const attempt = authorizeStaff(
      { email: "agent@desk.example", password: "a-password", code: "123456" },
      { headers: { "x-desk-client-address": "198.51.100.1" } },
    );

    await expect(attempt).rejects.toThrow(SIGN_IN_UNAVAILABLE);
    const message = await attempt.then(
      () => "",
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(message).not.toMatch(/127\.0\.0\.1|prisma|secret-password/i);
    // The operator still learns what happened (without the password of the connection string).
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`"event":"sign_in.unavailable"`));
    expect(String(logged.mock.calls[0]?.[0])).not.toContain("secret-password");
  });
});
