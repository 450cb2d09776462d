// node-postgres refuses a name reused for another text, and every name costs a prepared statement
// and a plan on each connection: the namer must be consistent and bounded.
import { describe, expect, it } from "vitest";
import { createStatementNamer } from "./statement-names";

describe("prepared statement names", () => {
  it("give the same text the same name and different texts different names", () => {
    const name = createStatementNamer(10);
    const first = name({ sql: "SELECT 1" });
    const second = name({ sql: "SELECT 2" });
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(name({ sql: "SELECT 1" })).toBe(first);
    expect(name({ sql: ["SELECT", "1"].join(" ") })).toBe(first);
  });

  it("stop naming new texts at the limit, and keep the names already given", () => {
    const name = createStatementNamer(2);
    const kept = [name({ sql: "SELECT 1" }), name({ sql: "SELECT 2" })];
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: "SELECT 4" })).toBeUndefined();
    expect([name({ sql: "SELECT 1" }), name({ sql: "SELECT 2" })]).toEqual(kept);
  });

  it("keep separate counts for separate namers (one per client)", () => {
    const one = createStatementNamer(1);
    const other = createStatementNamer(1);
    expect(one({ sql: "SELECT 1" })).toBeDefined();
    expect(other({ sql: "SELECT 2" })).toBeDefined();
  });
});
