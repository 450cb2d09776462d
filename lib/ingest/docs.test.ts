// Keeps docs/ingest-api.md and docs/ingest-api.openapi.yaml in step with the schemas.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  FORBIDDEN_CODE_FIELDS,
  MAX_EVENTS_PER_BATCH,
  WIRE_FACTOR_TYPES,
  WIRE_LOGIN_OUTCOMES,
  WIRE_OTP_CHANNELS,
  WIRE_OTP_PURPOSES,
  WIRE_OTP_STATUSES,
  validateEvent,
} from "./schemas";

const guide = readFileSync("docs/ingest-api.md", "utf8");
const openapi = readFileSync("docs/ingest-api.openapi.yaml", "utf8");

describe("ingest API documentation", () => {
  it("shows an example batch whose every event is valid", () => {
    const block = /```json\n(\{\n {2}"events"[\s\S]*?)\n```/.exec(guide)?.[1];
    expect(block, "the example batch in docs/ingest-api.md").toBeDefined();
    const { events } = JSON.parse(block ?? "{}") as { events: unknown[] };
    expect(events.length).toBeGreaterThan(1);
    for (const event of events) expect(validateEvent(event)).toMatchObject({ ok: true });
  });

  it("lists the same enum values, limits and refused code fields as the schemas", () => {
    for (const values of [WIRE_LOGIN_OUTCOMES, WIRE_OTP_PURPOSES, WIRE_OTP_CHANNELS, WIRE_OTP_STATUSES]) {
      expect(openapi).toContain(`enum: [${values.join(", ")}]`);
    }
    expect(openapi).toContain(`enum: [${WIRE_FACTOR_TYPES.join(", ")}, null]`);
    expect(openapi).toContain(`maxItems: ${MAX_EVENTS_PER_BATCH}`);
    for (const field of FORBIDDEN_CODE_FIELDS) {
      expect(openapi).toContain(`\`${field}\``);
      expect(guide).toContain(`\`${field}\``);
    }
  });
});
