// The customer page reads its lists in one statement (customer-page-lists.ts); the pages that
// show one list alone use that list's own loader. Both must say the same thing, for a customer with
// something in every list and for one with nothing, and neither may show another customer's rows.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listAccountActions } from "@/lib/account-actions/outbound";
import { listPendingRestores } from "@/lib/account-actions/contact-restores";
import { listPendingResets } from "@/lib/resets/factor-resets";
import { findWatchlistMentions, findWatchlistMentionsForCustomer } from "@/lib/scam-reports/watchlist";
import { createCustomer } from "@/test/factories/customers";
import { createScamReportRow } from "@/test/factories/scam-reports";
import { createStaff } from "@/test/factories/staff";
import { listLoginAttempts, listOtpDeliveries } from "./activity";
import { loadCustomerPageLists } from "./customer-page-lists";

const LATEST = 5;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function seedEverything(customerId: string, factorIds: string[]) {
  const db = getDb();
  const agent = await createStaff();
  const supervisor = await createStaff({ role: "SUPERVISOR" });
  const tag = randomBytes(4).toString("hex");
  // Seven attempts and codes: the page shows the newest five of each.
  for (let index = 0; index < 7; index++) {
    await db.loginAttempt.create({
      data: {
        eventId: `evt_attempt_${tag}_${index}`,
        customerId,
        occurredAt: minutesAgo(60 - index),
        outcome: index % 2 ? "CODE_WRONG" : "SUCCESS",
        factor: "SMS",
        ip: `198.51.100.${index}`,
        country: "DE",
        city: "Frankfurt am Main",
        deviceId: `dev_${index}`,
        userAgent: "Mozilla/5.0",
        flowId: `flow_${index}`,
      },
    });
    await db.otpDelivery.create({
      data: {
        eventId: `evt_code_${tag}_${index}`,
        customerId,
        sentAt: minutesAgo(60 - index),
        purpose: "SIGN_IN",
        channel: "SMS",
        destinationMasked: "+44 •••• ••• 123",
        status: index === 6 ? "QUEUED" : "DELIVERED",
        statusReason: index === 5 ? "carrier accepted" : null,
        expiresAt: minutesAgo(55 - index),
        usedAt: index === 4 ? minutesAgo(58) : null,
        requestIp: "198.51.100.7",
        requestCountry: "DE",
      },
    });
  }
  const pending = { customerId, status: "PENDING_APPROVAL" as const, expiresAt: minutesAgo(-60) };
  await db.factorReset.create({
    data: {
      ...pending,
      reason: "Lost phone",
      requestedById: agent.id,
      verificationMethod: "CALLBACK_NUMBER_ON_FILE",
      // Listed in the order the agent picked them, not the order they were enrolled.
      factorIds: [factorIds[1] ?? "", factorIds[0] ?? ""],
      riskReasons: ["phone changed recently"],
      revokeSessions: true,
      createdAt: minutesAgo(10),
    },
  });
  // Lapsed: not waiting any more.
  await db.factorReset.create({
    data: {
      ...pending,
      reason: "Old request",
      requestedById: agent.id,
      verificationMethod: "CALLBACK_NUMBER_ON_FILE",
      expiresAt: minutesAgo(1),
    },
  });
  await db.contactRestore.create({
    data: {
      ...pending,
      reason: "Attacker changed the email",
      requestedById: agent.id,
      field: "EMAIL",
      restoreValue: `old-${tag}@example.com`,
      replacedValue: `attacker-${tag}@example.net`,
      riskReasons: ["email changed from a new device"],
    },
  });
  const endpoints = [];
  for (const name of ["Identity system", "Fraud engine"])
    endpoints.push(
      await db.integrationEndpoint.create({
        data: { name: `${name} ${tag}`, format: "STANDARD_WEBHOOKS", url: "https://idp.example/hooks" },
      }),
    );
  for (let index = 0; index < 12; index++) {
    const action = await db.accountAction.create({
      data: {
        customerId,
        kind: index % 2 ? "SESSIONS_ENDED" : "ACCOUNT_LOCKED",
        reason: `Action ${index}`,
        decidedById: index === 11 ? supervisor.id : null,
        status: index === 11 ? "FAILING" : "CONFIRMED",
        confirmedAt: index === 11 ? null : minutesAgo(30 - index),
        createdAt: minutesAgo(40 - index),
      },
    });
    for (const [position, endpoint] of endpoints.entries())
      await db.actionDelivery.create({
        data: {
          actionId: action.id,
          endpointId: endpoint.id,
          customerId,
          sequence: action.sequence,
          status: index === 11 && position === 1 ? "FAILING" : "DELIVERED",
          attempts: index === 11 && position === 1 ? 3 : 1,
          lastError: index === 11 && position === 1 ? "HTTP 503" : null,
          deliveredAt: index === 11 && position === 1 ? null : minutesAgo(29 - index),
        },
      });
  }
  // A caller number named by three reports (watchlisted at the defaults), one of them this customer's,
  // and another number written in a case note.
  const caller = `+4420${String(parseInt(tag, 16) % 100_000_000).padStart(8, "0")}`;
  await createScamReportRow({ customerId, contactNumberE164: caller });
  await createScamReportRow({ contactNumberE164: caller });
  await createScamReportRow({ contactNumberE164: caller });
  const noted = `+4420${String((parseInt(tag, 16) + 1) % 100_000_000).padStart(8, "0")}`;
  for (let index = 0; index < 3; index++) await createScamReportRow({ contactNumberE164: noted });
  await db.case.create({
    data: {
      customerId,
      type: "COMPROMISED_ACCOUNT",
      subject: "Calls from a fake representative",
      notes: { create: [{ body: `Customer says the caller rang from ${noted}.` }] },
    },
  });
}

describe("the customer page's lists in one statement", () => {
  it("say what each list's own loader says", async () => {
    const customer = await createCustomer();
    const other = await createCustomer();
    await seedEverything(customer.id, customer.factorIds);
    await seedEverything(other.id, other.factorIds);

    const lists = await loadCustomerPageLists(customer.id, LATEST);

    expect(lists.attempts).toEqual((await listLoginAttempts(customer.id, {}, LATEST)).rows);
    expect(lists.deliveries).toEqual((await listOtpDeliveries(customer.id, {}, LATEST)).rows);
    expect(lists.pendingResets).toEqual(await listPendingResets(customer.id));
    expect(lists.pendingRestores).toEqual(await listPendingRestores(customer.id));
    expect(lists.actions).toEqual(await listAccountActions(customer.id));
    expect(await findWatchlistMentions(lists.watchlistSources)).toEqual(
      await findWatchlistMentionsForCustomer(customer.id),
    );

    // And the seeded rows are really there, so the comparisons above compare something.
    expect(lists.attempts).toHaveLength(LATEST);
    expect(lists.deliveries).toHaveLength(LATEST);
    expect(lists.pendingResets).toHaveLength(1);
    expect(lists.pendingResets[0]?.factors.map((factor) => factor.id)).toEqual([
      customer.factorIds[1],
      customer.factorIds[0],
    ]);
    expect(lists.pendingRestores).toHaveLength(1);
    expect(lists.pendingRestores[0]?.restoreMasked).not.toContain("old-");
    expect(lists.actions).toHaveLength(10);
    expect(lists.actions[0]).toMatchObject({
      status: "FAILING",
      deliveries: [{}, { lastError: "HTTP 503" }],
    });
    expect(lists.actions[0]?.decidedBy).toBeTruthy();
    const mentions = await findWatchlistMentions(lists.watchlistSources);
    expect(mentions.map((mention) => mention.mentionedIn[0]?.kind).sort()).toEqual(["case", "report"]);
  });

  it("are empty for a customer with no history", async () => {
    const customer = await createCustomer();
    expect(await loadCustomerPageLists(customer.id, LATEST)).toEqual({
      attempts: [],
      deliveries: [],
      pendingResets: [],
      pendingRestores: [],
      actions: [],
      watchlistSources: { reports: [], cases: [] },
    });
  });
});
