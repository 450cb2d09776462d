// Keeps docs/identity-system.md and its OpenAPI description in step with the code.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DIRECTORY_EVENT_TYPES } from "@/lib/customers/directory-schemas";
import { EVENT_TYPES, TEST_EVENT_TYPE } from "./payload";

const guide = readFileSync("docs/identity-system.md", "utf8");
const openapi = parse(readFileSync("docs/identity-system.openapi.yaml", "utf8")) as {
  components: { schemas: { AccountActionEvent: { properties: { type: { enum: string[] } } } } };
};

describe("identity-system documentation", () => {
  it("names every account action type the desk sends, in the guide and the OpenAPI description", () => {
    const types = [...Object.values(EVENT_TYPES), TEST_EVENT_TYPE];
    expect(openapi.components.schemas.AccountActionEvent.properties.type.enum.toSorted()).toEqual(
      types.toSorted(),
    );
    for (const type of types) expect(guide).toContain(`\`${type}\``);
  });

  it("documents every directory event type", () => {
    for (const type of DIRECTORY_EVENT_TYPES) expect(guide).toContain(`\`${type}\``);
  });
});
