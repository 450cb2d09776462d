import { describe, expect, it } from "vitest";
import { can, rolesWith, type Role } from "./permissions";

const agent = { id: "a", role: "AGENT" as Role };
const supervisor = { id: "s", role: "SUPERVISOR" as Role };
const admin = { id: "x", role: "ADMIN" as Role };

describe("can()", () => {
  it("gives agents investigation and case work but not approvals, audit or administration", () => {
    expect(can(agent, "customer:view")).toBe(true);
    expect(can(agent, "reset:request")).toBe(true);
    expect(can(agent, "reset:approve")).toBe(false);
    expect(can(agent, "audit:view")).toBe(false);
    expect(can(agent, "staff:manage")).toBe(false);
    expect(can(agent, "api-key:manage")).toBe(false);
  });

  it("lets supervisors approve resets requested by someone else, never their own", () => {
    expect(can(supervisor, "reset:approve", { kind: "factor-reset", requestedById: "someone-else" })).toBe(
      true,
    );
    expect(can(supervisor, "reset:approve", { kind: "factor-reset", requestedById: supervisor.id })).toBe(
      false,
    );
    expect(can(admin, "reset:approve", { kind: "factor-reset", requestedById: admin.id })).toBe(false);
  });

  it("lets admins manage other staff but not themselves", () => {
    expect(can(admin, "staff:manage", { kind: "staff", id: "other" })).toBe(true);
    expect(can(admin, "staff:manage", { kind: "staff", id: admin.id })).toBe(false);
    expect(can(supervisor, "staff:manage", { kind: "staff", id: "other" })).toBe(false);
  });

  it("lets agents change in bulk only their own or unassigned work; supervisors anyone's", () => {
    const item = (assigneeId: string | null) => ({ kind: "work-item", assigneeId }) as const;
    expect(can(agent, "case:work", item(null))).toBe(true);
    expect(can(agent, "case:work", item(agent.id))).toBe(true);
    expect(can(agent, "case:work", item("colleague"))).toBe(false);
    expect(can(agent, "scam-report:triage", item("colleague"))).toBe(false);
    expect(can(supervisor, "case:work", item("colleague"))).toBe(true);
    expect(can(admin, "scam-report:triage", item("colleague"))).toBe(true);
  });

  it("grants administration only to admins", () => {
    expect(rolesWith("staff:manage")).toEqual(["ADMIN"]);
    expect(rolesWith("api-key:manage")).toEqual(["ADMIN"]);
    expect(rolesWith("integration:manage")).toEqual(["ADMIN"]);
    expect(rolesWith("content:manage")).toEqual(["ADMIN"]);
  });
});
