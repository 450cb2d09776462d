// Finding 13 of the security review: "this wasn't me" links never expired and accepted trailing junk.
import { describe, expect, it } from "vitest";
import { NOT_ME_LINK_DAYS, notMeToken, readNotMeToken } from "./not-me-token";

const RESET = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";
const DAY = 86_400_000;

describe("not-me link token", () => {
  it("names its reset while fresh, and expires after 30 days", () => {
    const now = Date.now();
    const token = notMeToken(RESET, now);
    expect(readNotMeToken(token, now)).toBe(RESET);
    expect(readNotMeToken(token, now + (NOT_ME_LINK_DAYS - 1) * DAY)).toBe(RESET);
    expect(readNotMeToken(token, now + (NOT_ME_LINK_DAYS + 1) * DAY)).toBeNull();
  });

  it("refuses altered, extended and foreign tokens", () => {
    const token = notMeToken(RESET);
    expect(readNotMeToken(`${token}.junk`)).toBeNull();
    expect(readNotMeToken(`${token}x`)).toBeNull();
    expect(readNotMeToken(` ${token}`)).toBeNull();
    expect(readNotMeToken(token.replace(RESET, "00000000-0000-4000-8000-000000000000"))).toBeNull();
    const [id, issued, signature] = token.split(".");
    expect(readNotMeToken(`${id}.${Number(issued) + 86_400}.${signature}`)).toBeNull();
    expect(readNotMeToken(`${id}.${signature}`)).toBeNull(); // the old two-part form
  });
});
