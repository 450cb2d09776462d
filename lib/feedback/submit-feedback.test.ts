// Against this file's own PostgreSQL database (test/setup-database.ts).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feedbackMessages } from "./schemas";
import { listArticleFeedback, summarizeArticleFeedback } from "./store";
import { FEEDBACK_RATE_LIMIT, submitArticleFeedback } from "./submit-feedback";

const client = () => `test-${randomUUID()}`;
const slug = "why-codes-expire";

describe("submitArticleFeedback", () => {
  it("stores a vote with a trimmed comment", async () => {
    const outcome = await submitArticleFeedback(
      { articleSlug: slug, helpful: "yes", comment: "  Clear and short.  \r\n" },
      client(),
    );
    expect(outcome).toMatchObject({ httpStatus: 200, code: "thanks", state: { status: "ok" } });
    const [row] = await listArticleFeedback(slug);
    expect(row).toMatchObject({ articleSlug: slug, helpful: true, comment: "Clear and short." });
  });

  it("stores an empty comment as null and a no vote as false", async () => {
    await submitArticleFeedback({ articleSlug: "backup-codes", helpful: "no", comment: "   " }, client());
    const [row] = await listArticleFeedback("backup-codes");
    expect(row).toMatchObject({ helpful: false, comment: null });
  });

  it("keeps HTML as plain text, exactly as typed", async () => {
    const html = `<script>alert("x")</script><b>bold</b> & "quotes"`;
    await submitArticleFeedback({ articleSlug: "report-a-scam", helpful: "yes", comment: html }, client());
    const [row] = await listArticleFeedback("report-a-scam");
    expect(row?.comment).toBe(html);
  });

  it("refuses a comment over 1,000 characters with a field message, and stores nothing", async () => {
    const outcome = await submitArticleFeedback(
      { articleSlug: "paying-with-a-code", helpful: "yes", comment: "x".repeat(1001) },
      client(),
    );
    expect(outcome).toMatchObject({
      httpStatus: 400,
      code: "invalid",
      state: { status: "invalid", fieldErrors: { comment: [feedbackMessages.commentTooLong] } },
    });
    expect(await listArticleFeedback("paying-with-a-code")).toEqual([]);
    const exactly = await submitArticleFeedback(
      { articleSlug: "paying-with-a-code", helpful: "yes", comment: "y".repeat(1000) },
      client(),
    );
    expect(exactly.httpStatus).toBe(200);
  });

  it("asks for yes or no", async () => {
    const outcome = await submitArticleFeedback({ articleSlug: slug, comment: "hi" }, client());
    expect(outcome.state.fieldErrors?.helpful).toEqual([feedbackMessages.helpfulMissing]);
    const maybe = await submitArticleFeedback({ articleSlug: slug, helpful: "maybe" }, client());
    expect(maybe.httpStatus).toBe(400);
  });

  it("refuses an unknown article", async () => {
    const outcome = await submitArticleFeedback({ articleSlug: "no-such-article", helpful: "yes" }, client());
    expect(outcome).toMatchObject({ httpStatus: 404, code: "unknown-article" });
    expect(await listArticleFeedback("no-such-article")).toEqual([]);
  });

  it("rate limits one client after ten submissions, not others", async () => {
    const key = client();
    for (let i = 0; i < FEEDBACK_RATE_LIMIT.limit; i++) {
      expect(
        (await submitArticleFeedback({ articleSlug: "backup-codes", helpful: "yes" }, key)).httpStatus,
      ).toBe(200);
    }
    const blocked = await submitArticleFeedback({ articleSlug: "backup-codes", helpful: "yes" }, key);
    expect(blocked).toMatchObject({ httpStatus: 429, code: "rate-limited", state: { status: "error" } });
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.state.message).toMatch(/try again in \d+ minute/);
    expect(
      (await submitArticleFeedback({ articleSlug: "backup-codes", helpful: "yes" }, client())).httpStatus,
    ).toBe(200);
  });

  it("never throws on hostile input", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom("articleSlug", "helpful", "comment", "other"),
          fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.string())),
        ),
        async (fields) => {
          const outcome = await submitArticleFeedback(fields, client());
          expect([200, 400, 404]).toContain(outcome.httpStatus);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("summarises votes per article", async () => {
    const summary = await summarizeArticleFeedback();
    expect(summary.find((entry) => entry.articleSlug === "backup-codes")).toMatchObject({ no: 1 });
  });
});
