import { describe, expect, it } from "vitest";
import { checkFormToken, issueFormToken } from "./form-token";

const rules = { minAgeMs: 3_000, maxAgeMs: 86_400_000 };

describe("form timing tokens", () => {
  const issuedAt = Date.UTC(2026, 10, 27, 10, 0, 0);
  const token = issueFormToken("scam-report", issuedAt);

  it("accept a token returned after the minimum time and before it expires", () => {
    expect(checkFormToken(token, "scam-report", rules, issuedAt + 3_000)).toEqual({ ok: true });
    expect(checkFormToken(token, "scam-report", rules, issuedAt + 86_000_000)).toEqual({ ok: true });
  });

  it("refuse forms sent too fast, too late, forged, for another purpose or without a token", () => {
    expect(checkFormToken(token, "scam-report", rules, issuedAt + 2_999)).toEqual({
      ok: false,
      reason: "too-fast",
    });
    expect(checkFormToken(token, "scam-report", rules, issuedAt + 86_400_001)).toEqual({
      ok: false,
      reason: "expired",
    });
    const [time = "", signature = ""] = token.split(".");
    expect(
      checkFormToken(`${Number(time) - 60_000}.${signature}`, "scam-report", rules, issuedAt + 5_000),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(checkFormToken(token, "feedback", rules, issuedAt + 5_000)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(checkFormToken("", "scam-report", rules)).toEqual({ ok: false, reason: "missing" });
    expect(checkFormToken(["a"], "scam-report", rules)).toEqual({ ok: false, reason: "missing" });
    expect(checkFormToken("<script>", "scam-report", rules)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuse a token dated in the future", () => {
    expect(
      checkFormToken(issueFormToken("scam-report", issuedAt + 3_600_000), "scam-report", rules, issuedAt),
    ).toEqual({ ok: false, reason: "invalid" });
  });
});
