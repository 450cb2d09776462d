// Directory events from the identity system, through the ingest API's entry (ingestEvents) into
// real PostgreSQL: ordering, convergence of shuffled streams, erasure, encryption of replaced
// contacts, confirmation of account actions by the events that come back, and bad input.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { ingestEvents, type IngestOutcome } from "@/lib/ingest/write-events";
import { takeProtectiveAction } from "@/lib/account-actions/account-actions";
import { listAccountActions } from "@/lib/account-actions/outbound";
import { actingAs, createStaff } from "@/test/factories/staff";
import { createEndpoint } from "@/lib/integrations/endpoints";
import { createApiKeyRow } from "@/test/factories/api-keys";
import { loadContactTrust } from "./contact-trust-data";

let counter = 0;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();
const id = () => `evt_${process.pid}_${++counter}`;

function upsert(externalId: string, minute: number, changes: Record<string, unknown> = {}, version?: number) {
  return {
    type: "customer_upserted",
    eventId: id(),
    occurredAt: at(minute),
    ...(version === undefined ? {} : { version }),
    customer: {
      externalId,
      name: "Dana Example",
      email: `${externalId}@example.com`,
      phone: "+447700900111",
      country: "GB",
      status: "active",
      createdAt: "2024-05-01T00:00:00Z",
      ...changes,
    },
  };
}

const ref = (externalId: string) => ({ customer: { externalId } });

async function ingest(events: unknown[]): Promise<IngestOutcome> {
  return ingestEvents(events);
}

/** Sends a stream the way a client does: rejected events are resent until none is left. */
async function ingestUntilSettled(events: unknown[]): Promise<void> {
  let pending = events;
  for (let round = 0; round < 10 && pending.length > 0; round++) {
    const outcome = await ingest(pending);
    pending = outcome.rejected.map((rejection) => pending[rejection.index]);
  }
  expect(pending).toEqual([]);
}

async function snapshot(externalId: string) {
  const customer = await getDb().customer.findUniqueOrThrow({
    where: { externalId },
    select: {
      fullName: true,
      email: true,
      phoneE164: true,
      status: true,
      factors: { select: { externalId: true, type: true, removedAt: true }, orderBy: { externalId: "asc" } },
      sessions: { select: { externalId: true, revokedAt: true }, orderBy: { externalId: "asc" } },
    },
  });
  return { ...customer, email: customer.email.replace(externalId, "X") };
}

describe("directory events", () => {
  it("creates and updates a customer, and an older event never overwrites a newer one", async () => {
    expect(await ingest([upsert("dir_a", 5, { name: "Dana Newer" })])).toMatchObject({ accepted: 1 });
    expect(await ingest([upsert("dir_a", 1, { name: "Dana Older" })])).toMatchObject({
      accepted: 0,
      superseded: 1,
    });
    // Same time, higher version wins; the same event again changes nothing.
    const v2 = upsert("dir_a", 5, { name: "Dana Version 2" }, 2);
    expect(await ingest([v2])).toMatchObject({ accepted: 1 });
    expect(await ingest([v2])).toMatchObject({ accepted: 0, superseded: 1 });
    expect((await snapshot("dir_a")).fullName).toBe("Dana Version 2");
  });

  it("converges to the same state whatever order the stream arrives in", async () => {
    const stream = (externalId: string) => [
      upsert(externalId, 1),
      {
        type: "factor_enrolled",
        eventId: id(),
        occurredAt: at(2),
        ...ref(externalId),
        factor: { id: "f1", type: "sms", destinationMasked: "+44 •••• ••• 111" },
      },
      {
        type: "factor_enrolled",
        eventId: id(),
        occurredAt: at(3),
        ...ref(externalId),
        factor: { id: "f2", type: "authenticator_app" },
      },
      {
        type: "session_started",
        eventId: id(),
        occurredAt: at(4),
        ...ref(externalId),
        session: { id: "s1", ip: "192.0.2.1" },
      },
      {
        type: "factor_removed",
        eventId: id(),
        occurredAt: at(5),
        ...ref(externalId),
        factor: { id: "f1", type: "sms" },
      },
      {
        type: "session_started",
        eventId: id(),
        occurredAt: at(6),
        ...ref(externalId),
        session: { id: "s2" },
      },
      { type: "session_ended", eventId: id(), occurredAt: at(7), ...ref(externalId), session: { id: "s1" } },
      {
        type: "account_status_changed",
        eventId: id(),
        occurredAt: at(8),
        ...ref(externalId),
        status: "locked",
      },
      {
        type: "contact_changed",
        eventId: id(),
        occurredAt: at(9),
        ...ref(externalId),
        field: "phone",
        previousValue: "+447700900111",
        newValue: "+447700900222",
      },
      upsert(externalId, 10, { name: "Dana Final", phone: "+447700900222", status: "locked" }),
      {
        type: "factor_enrolled",
        eventId: id(),
        occurredAt: at(11),
        ...ref(externalId),
        factor: { id: "f1", type: "sms" },
      },
    ];
    await ingestUntilSettled(stream("dir_ordered"));
    const expected = await snapshot("dir_ordered");
    expect(expected).toMatchObject({ fullName: "Dana Final", status: "LOCKED", phoneE164: "+447700900222" });
    expect(expected.factors.map((factor) => [factor.externalId, factor.removedAt === null])).toEqual([
      ["f1", true],
      ["f2", true],
    ]);

    for (let run = 0; run < 5; run++) {
      const externalId = `dir_shuffled_${run}`;
      const events = stream(externalId);
      // A deterministic shuffle per run (Fisher–Yates with a small LCG), so a failure can be replayed.
      let seed = 17 + run * 31;
      for (let i = events.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        const j = seed % (i + 1);
        [events[i], events[j]] = [events[j] as (typeof events)[number], events[i] as (typeof events)[number]];
      }
      await ingestUntilSettled(events);
      expect(await snapshot(externalId), `shuffle ${run}`).toEqual(expected);
    }
  });

  it("keeps replaced contacts encrypted at rest, and the risk rules still read them", async () => {
    await ingest([upsert("dir_contact", 1)]);
    const changed = await ingest([
      {
        type: "contact_changed",
        eventId: id(),
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        ...ref("dir_contact"),
        field: "phone",
        previousValue: "+447700900111",
        newValue: "+447700900999",
      },
    ]);
    expect(changed).toMatchObject({ accepted: 1 });
    const customer = await getDb().customer.findUniqueOrThrow({ where: { externalId: "dir_contact" } });
    expect(customer.phoneE164).toBe("+447700900999");
    const [row] = await getDb().$queryRaw<{ previous_value: string }[]>`
      SELECT previous_value FROM account_changes WHERE customer_id = ${customer.id}::uuid AND kind = 'PHONE_CHANGED'`;
    expect(row?.previous_value).toMatch(/^v1\./);
    expect(row?.previous_value).not.toContain("900111");
    const trust = await loadContactTrust(customer.id);
    expect(trust?.phone).toMatchObject({
      untrusted: true,
      previous: "+447700900111",
      current: "+447700900999",
    });
  });

  it("erases a customer's personal data on request, keeps the pseudonymous history, and refuses unknown ones", async () => {
    await ingest([upsert("dir_erase", 1)]);
    const customer = await getDb().customer.findUniqueOrThrow({ where: { externalId: "dir_erase" } });
    await ingest([
      {
        type: "session_started",
        eventId: id(),
        occurredAt: at(2),
        ...ref("dir_erase"),
        session: { id: "s1", ip: "198.51.100.7", city: "Leeds" },
      },
    ]);
    expect(
      await ingest([{ type: "customer_erased", eventId: id(), occurredAt: at(3), ...ref("dir_erase") }]),
    ).toMatchObject({
      accepted: 1,
    });
    const erased = await getDb().customer.findUniqueOrThrow({
      where: { id: customer.id },
      select: {
        fullName: true,
        email: true,
        phoneE164: true,
        erasedAt: true,
        sessions: { select: { ip: true, city: true } },
      },
    });
    expect(erased).toMatchObject({
      fullName: "Erased customer",
      phoneE164: null,
      sessions: [{ ip: null, city: null }],
    });
    expect(erased.email).not.toContain("dir_erase");
    expect(erased.erasedAt).toBeInstanceOf(Date);
    // An erased customer is not brought back by a late event.
    expect(await ingest([upsert("dir_erase", 9)])).toMatchObject({ accepted: 0, superseded: 1 });

    const unknown = await ingest([
      { type: "customer_erased", eventId: id(), occurredAt: at(3), ...ref("nobody_here") },
    ]);
    expect(unknown.rejected[0]?.errors[0]).toMatchObject({
      field: "customer.externalId",
      message: /Unknown customer/,
    });
  });

  it("confirms an account action when the identity system reports the change back", async () => {
    const admin = await actingAs(await createStaff({ role: "ADMIN" }));
    const agent = await actingAs(await createStaff());
    const identityKey = await createApiKeyRow({ scopes: ["DIRECTORY_WRITE"] });
    const otherKey = await createApiKeyRow({ scopes: ["DIRECTORY_WRITE"] });
    const linked = await createEndpoint(admin, {
      name: "Unreachable for now",
      format: "STANDARD_WEBHOOKS",
      url: "http://127.0.0.1:9/hook",
      apiKeyId: identityKey.id,
      actionKinds: ["ACCOUNT_LOCKED"],
      reason: "Connect the identity system",
    });
    expect(linked).toMatchObject({ ok: true });
    await ingest([upsert("dir_confirm", 1)]);
    const customer = await getDb().customer.findUniqueOrThrow({ where: { externalId: "dir_confirm" } });
    await takeProtectiveAction(agent, {
      customerId: customer.id,
      action: "lock",
      reason: "Takeover reported, ticket 5",
      customerVersion: customer.updatedAt.toISOString(),
    });
    expect((await listAccountActions(customer.id))[0]).toMatchObject({
      kind: "ACCOUNT_LOCKED",
      status: "DECIDED",
    });
    const locked = (seconds: number) => ({
      type: "account_status_changed",
      eventId: id(),
      occurredAt: new Date(Date.now() + seconds * 1000).toISOString(),
      ...ref("dir_confirm"),
      status: "locked",
    });
    // Another system's report does not confirm what was sent to this one.
    await ingestEvents([locked(0)], undefined, ["DIRECTORY_WRITE"], otherKey.id);
    expect((await listAccountActions(customer.id))[0]).toMatchObject({ status: "DECIDED" });
    const version = async () =>
      (await getDb().customer.findUniqueOrThrow({ where: { id: customer.id } })).updatedAt.toISOString();
    const lockedVersion = await version();
    await ingestEvents([locked(1)], undefined, ["DIRECTORY_WRITE"], identityKey.id);
    expect((await listAccountActions(customer.id))[0]).toMatchObject({ status: "CONFIRMED" });
    // The echo of the desk's own lock changes nothing an agent sees: a page opened after the lock
    // can still act. A status the desk did not have is a change.
    expect(await version()).toBe(lockedVersion);
    await ingestEvents([{ ...locked(2), status: "active" }], undefined, ["DIRECTORY_WRITE"], identityKey.id);
    expect(await version()).not.toBe(lockedVersion);
  });

  it("refuses bad events one by one with the field and the reason, applying the good ones", async () => {
    const outcome = await ingest([
      { type: "customer_upserted", eventId: id(), occurredAt: at(1), customer: { externalId: "dir_bad" } },
      { type: "factor_teleported", eventId: id(), occurredAt: at(1), ...ref("dir_bad") },
      {
        type: "contact_changed",
        eventId: id(),
        occurredAt: at(1),
        ...ref("dir_bad"),
        field: "password",
        newValue: "hunter2",
      },
      { ...upsert("dir_bad", 1), otp: "123456" },
      upsert("dir_good", 1),
    ]);
    expect(outcome.accepted).toBe(1);
    expect(outcome.rejected.map((rejection) => rejection.index)).toEqual([0, 1, 2, 3]);
    expect(outcome.rejected[0]?.errors.map((error) => error.field)).toEqual(
      expect.arrayContaining(["customer.name", "customer.email"]),
    );
    expect(outcome.rejected[1]?.errors[0]?.message).toMatch(/type must be/);
    expect(outcome.rejected[2]?.errors[0]?.message).toMatch(/Never send passwords/);
    expect(outcome.rejected[3]?.errors[0]?.field).toBe("otp");
  });

  it("needs the directory:write scope, event by event", async () => {
    const outcome = await ingestEvents([upsert("dir_scope", 1)], undefined, ["EVENTS_WRITE"]);
    expect(outcome.rejected[0]?.errors[0]?.message).toMatch(/directory:write/);
    expect(await getDb().customer.count({ where: { externalId: "dir_scope" } })).toBe(0);
  });
});
