// Finding 12 of the security review: bidirectional controls were stored and shown in ingest fields,
// case notes, staff names, key names and reasons. Every stored text now drops them.
import { describe, expect, it } from "vitest";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { caseNoteSchema } from "@/lib/cases/schemas";
import { validateEvent } from "@/lib/ingest/schemas";
import { inviteSchema, reasonField } from "@/lib/staff/schemas";
import { loginAttemptEvent } from "@/test/factories/events";
import { BIDI_CONTROLS, storableText } from "./storable-text";

const TROJAN = "invoice\u202Egnp.exe\u2066x\u2069";
const hasBidi = (value: unknown) => new RegExp(BIDI_CONTROLS.source).test(JSON.stringify(value));

describe("stored text", () => {
  it("drops bidirectional controls from every kind of stored text", () => {
    const note = caseNoteSchema.parse({ caseId: "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b", body: TROJAN });
    const invite = inviteSchema.parse({
      email: "a@desk.example",
      name: TROJAN,
      role: "AGENT",
      reason: TROJAN,
    });
    const key = createApiKeySchema.parse({
      name: TROJAN,
      scopes: "EVENTS_WRITE",
      reason: "Needed for the integration",
    });
    const event = validateEvent(loginAttemptEvent({ userAgent: TROJAN, city: TROJAN }));
    expect(event.ok).toBe(true);
    for (const value of [note, invite, key, reasonField.parse(TROJAN), event])
      expect(hasBidi(value), JSON.stringify(value)).toBe(false);
    expect(note.body).toBe("invoicegnp.exex");
  });

  it("refuses NUL and strips the controls outside schemas too", () => {
    expect(storableText("a\u0000b")).toBeNull();
    expect(storableText("ticket \u202E42")).toBe("ticket 42");
    expect(storableText(undefined)).toBeNull();
  });
});
