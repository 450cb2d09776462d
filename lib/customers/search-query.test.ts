import { describe, expect, it } from "vitest";
import { toNameKey } from "./name-key";
import { classifyCustomerQuery } from "./search-query";

describe("classifyCustomerQuery", () => {
  it("normalises phone numbers typed any way to E.164", () => {
    for (const typed of [
      "07700 900123",
      "07700900123",
      "+44 7700 900123",
      "+447700900123",
      "(07700) 900-123",
      "0044 7700 900123",
    ]) {
      expect(classifyCustomerQuery(typed)).toEqual({ kind: "phone", e164: "+447700900123" });
    }
    expect(classifyCustomerQuery("+33 6 12 34 56 78")).toEqual({ kind: "phone", e164: "+33612345678" });
  });

  it("recognises emails, ids and external ids", () => {
    expect(classifyCustomerQuery("  Olivia.Bennett@Example.com ")).toEqual({
      kind: "email",
      email: "olivia.bennett@example.com",
    });
    expect(classifyCustomerQuery("cus_RW5DZEFHP60W")).toEqual({
      kind: "external-id",
      externalId: "cus_RW5DZEFHP60W",
    });
    expect(classifyCustomerQuery("3F2504E0-4F89-41D3-9A0C-0305E82C3301")).toEqual({
      kind: "id",
      id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
    });
  });

  it("treats anything else as the start of a name, without accents or case", () => {
    expect(classifyCustomerQuery("Zoë  Ångström")).toEqual({ kind: "name", prefix: "zoe angstrom" });
    expect(toNameKey("Jürgen Weiß")).toBe("jurgen weiss");
  });

  it("explains queries it cannot use", () => {
    expect(classifyCustomerQuery("a").kind).toBe("invalid");
    expect(classifyCustomerQuery("123456789012345678901234").kind).toBe("invalid");
    expect(classifyCustomerQuery("x".repeat(300)).kind).toBe("invalid");
  });
});
