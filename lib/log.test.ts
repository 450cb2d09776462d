import { afterEach, describe, expect, it, vi } from "vitest";
import { formatLogLine, log } from "./log";
import { refreshEnv } from "@/lib/env";

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.LOG_LEVEL;
  refreshEnv();
});

describe("structured logs", () => {
  it("writes one JSON object per line with time, level and event", () => {
    const line = formatLogLine("info", "ingest.batch", { accepted: 3 }, new Date("2026-11-27T10:00:00Z"));
    expect(JSON.parse(line)).toEqual({
      time: "2026-11-27T10:00:00.000Z",
      level: "info",
      event: "ingest.batch",
      accepted: 3,
    });
    expect(line).not.toContain("\n");
  });

  it("replaces fields named like secrets, whatever their value", () => {
    const parsed = JSON.parse(
      formatLogLine("warn", "x", {
        password: "hunter2",
        totpSecret: "JBSWY3DP",
        apiKey: "asd_x",
        sessionToken: "t",
        code: "123456",
        authorization: "Bearer a",
        cookie: "c",
        email: "a@b.example",
      }),
    ) as Record<string, unknown>;
    for (const key of ["password", "totpSecret", "apiKey", "sessionToken", "code", "authorization", "cookie"])
      expect(parsed[key], key).toBe("[redacted]");
    expect(parsed.email).toBe("a@b.example");
    expect(JSON.stringify(parsed)).not.toMatch(/hunter2|JBSWY3DP|123456/);
  });

  it("keeps an error's name and message, not its stack", () => {
    const parsed = JSON.parse(formatLogLine("error", "x", { error: new TypeError("boom") })) as {
      error: unknown;
    };
    expect(parsed.error).toEqual({ name: "TypeError", message: "boom" });
  });

  it("sends warnings and errors to stderr, the rest to stdout, and honours LOG_LEVEL", () => {
    const out = vi.spyOn(process.stdout, "write").mockReturnValue(true);
    const err = vi.spyOn(process.stderr, "write").mockReturnValue(true);
    log.info("a");
    log.warn("b");
    log.debug("hidden at the default level");
    expect(out).toHaveBeenCalledTimes(1);
    expect(err).toHaveBeenCalledTimes(1);
    process.env.LOG_LEVEL = "error";
    refreshEnv();
    log.warn("c");
    expect(err).toHaveBeenCalledTimes(1);
    process.env.LOG_LEVEL = "silent";
    refreshEnv();
    log.error("d");
    expect(err).toHaveBeenCalledTimes(1);
  });
});
