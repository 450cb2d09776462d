// Against this file's own PostgreSQL database (test/setup-database.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actingAs, createStaff } from "@/test/factories/staff";
import {
  listFeedbackComments,
  markFeedbackHandled,
  summarizeFeedbackByArticle,
  summarizeSearchMisses,
} from "./insight";
import { maskSearchQuery } from "./schemas";
import { SEARCH_MISS_RATE_LIMIT, submitSearchMiss } from "./search-miss";
import { recordArticleFeedback } from "./store";

const client = () => `test-${randomUUID()}`;
const tracking = { globalPrivacyControl: false, doNotTrack: false };

describe("maskSearchQuery", () => {
  it("keeps words, and masks numbers, codes and email addresses", () => {
    expect(maskSearchQuery("  My   CODE 482913 didn't work ")).toBe("my code [number] didn't work");
    expect(maskSearchQuery("call from +44 20 7946 0123")).toBe("call from [number]");
    expect(maskSearchQuery("locked out jo.bloggs@example.com")).toBe("locked out [email]");
    expect(maskSearchQuery("2fa")).toBe("2fa");
    expect(maskSearchQuery("<script>alert(1)</script>")).toBe("script alert 1 script");
    expect(maskSearchQuery("x".repeat(5000))).toHaveLength(100);
  });
});

describe("search misses", () => {
  it("counts per day and query, with nothing about the reader", async () => {
    const day = new Date("2026-11-30T10:00:00Z");
    for (const query of ["Refund Call", "refund   call", "refund call"])
      expect(await submitSearchMiss({ query, outcome: "no-results" }, client(), tracking, day)).toEqual({
        httpStatus: 204,
      });
    await submitSearchMiss(
      { query: "refund call", outcome: "no-results" },
      client(),
      tracking,
      new Date("2026-12-01T09:00:00Z"),
    );
    await submitSearchMiss({ query: "refund call", outcome: "no-click" }, client(), tracking, day);
    const rows = await getDb().helpSearchMiss.findMany({
      where: { query: "refund call" },
      orderBy: [{ day: "asc" }, { outcome: "asc" }],
    });
    expect(rows.map((row) => [row.day.toISOString().slice(0, 10), row.outcome, row.count])).toEqual([
      ["2026-11-30", "no-click", 1],
      ["2026-11-30", "no-results", 3],
      ["2026-12-01", "no-results", 1],
    ]);
    // The table has no column for an address, a session or any other identifier.
    expect(Object.keys(rows[0] ?? {}).toSorted()).toEqual(["count", "day", "outcome", "query"]);
    const summary = await summarizeSearchMisses(30, new Date("2026-12-02T00:00:00Z"));
    expect(summary).toContainEqual({
      query: "refund call",
      outcome: "no-results",
      count: 4,
      days: 2,
      lastDay: "2026-12-01",
    });
  });

  it("keeps nothing when the browser sends Global Privacy Control or Do Not Track", async () => {
    const query = `private ${randomUUID()}`;
    for (const privacy of [
      { globalPrivacyControl: true, doNotTrack: false },
      { globalPrivacyControl: false, doNotTrack: true },
    ])
      expect(await submitSearchMiss({ query, outcome: "no-results" }, client(), privacy)).toMatchObject({
        httpStatus: 204,
        skipped: "privacy",
      });
    expect(await getDb().helpSearchMiss.count({ where: { query } })).toBe(0);
  });

  it("refuses bad input with 400 and floods with 429, never throwing", async () => {
    for (const body of [
      null,
      "text",
      42,
      {},
      { query: "", outcome: "no-results" },
      { query: "x", outcome: "clicked" },
      { query: "a\u0000b", outcome: "no-results" },
      { query: "x".repeat(3000), outcome: "no-results" },
    ])
      expect((await submitSearchMiss(body, client(), tracking)).httpStatus, JSON.stringify(body)).toBe(400);
    const key = client();
    const statuses: number[] = [];
    for (let i = 0; i < SEARCH_MISS_RATE_LIMIT.limit + 2; i++)
      statuses.push(
        (await submitSearchMiss({ query: `flood ${i}`, outcome: "no-results" }, key, tracking)).httpStatus,
      );
    expect(statuses.slice(0, SEARCH_MISS_RATE_LIMIT.limit).every((code) => code === 204)).toBe(true);
    expect(statuses.slice(SEARCH_MISS_RATE_LIMIT.limit)).toEqual([429, 429]);
  });

  it("stores markup as text", async () => {
    await submitSearchMiss(
      { query: `<img src=x onerror=alert(1)> scam`, outcome: "no-results" },
      client(),
      tracking,
    );
    const row = await getDb().helpSearchMiss.findFirst({ where: { query: { contains: "onerror" } } });
    expect(row?.query).toBe("img src x onerror alert 1 scam");
  });
});

describe("article feedback insight", () => {
  it("summarises votes per article, all time and the last 30 days, and open comments", async () => {
    const slug = "delivery-code-did-not-arrive";
    await recordArticleFeedback({ articleSlug: slug, helpful: true, comment: null });
    await recordArticleFeedback({ articleSlug: slug, helpful: false, comment: "Needs a step for couriers." });
    const old = await recordArticleFeedback({ articleSlug: slug, helpful: false, comment: null });
    await getDb().articleFeedback.update({
      where: { id: old.id },
      data: { createdAt: new Date("2025-01-01T00:00:00Z") },
    });
    const row = (await summarizeFeedbackByArticle()).find((entry) => entry.articleSlug === slug);
    expect(row).toEqual({ articleSlug: slug, yes: 1, no: 2, recentYes: 1, recentNo: 1, openComments: 1 });
  });

  it("marks a comment handled once, by a member of the content team, with an audit event", async () => {
    const admin = await createStaff({ role: "ADMIN" });
    const ctx = await actingAs(admin);
    const { id } = await recordArticleFeedback({
      articleSlug: "backup-codes",
      helpful: false,
      comment: "Where do I find them?",
    });
    expect((await listFeedbackComments(false)).map((comment) => comment.id)).toContain(id);

    expect(await markFeedbackHandled(ctx, { feedbackId: id })).toMatchObject({ ok: true });
    expect((await listFeedbackComments(false)).map((comment) => comment.id)).not.toContain(id);
    expect((await listFeedbackComments(true)).map((comment) => comment.id)).toContain(id);
    const stored = await getDb().articleFeedback.findUnique({
      where: { id },
      select: { handledById: true, handledAt: true },
    });
    expect(stored?.handledById).toBe(admin.id);
    expect(stored?.handledAt).toBeInstanceOf(Date);
    const events = await getDb().auditEvent.findMany({
      where: { action: "help.feedback.handled", targetId: id },
    });
    expect(events).toHaveLength(1);

    expect(await markFeedbackHandled(ctx, { feedbackId: id })).toMatchObject({ ok: false });
    expect(await markFeedbackHandled(ctx, { feedbackId: randomUUID() })).toMatchObject({ ok: false });
  });
});
