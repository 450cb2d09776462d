import { describe, expect, it } from "vitest";
import { confirmationPath, readConfirmation } from "./confirmation";
import { buildNextSteps, NATIONAL_AUTHORITIES } from "./next-steps";

const keys = (...args: Parameters<typeof buildNextSteps>) => buildNextSteps(...args).map((step) => step.key);

describe("next steps", () => {
  it("put securing the account first when a code or password was shared", () => {
    const steps = buildNextSteps({ asks: ["ONE_TIME_CODE"], sharedSomething: true, lostMoney: false });
    expect(steps[0]).toMatchObject({
      key: "secure-account",
      urgent: true,
      title: "You may have shared a code: change your password now",
    });
    expect(steps[0]?.links).toContainEqual({
      href: "/help/hacked-account-checklist",
      label: "Hacked account checklist",
    });
  });

  it("send people who lost money to their bank, and gift-card victims to the card company", () => {
    expect(keys({ asks: [], sharedSomething: false, lostMoney: true })).toContain("bank");
    expect(keys({ asks: ["GIFT_CARDS"], sharedSomething: true, lostMoney: true })).toEqual(
      expect.arrayContaining(["bank", "gift-cards"]),
    );
    expect(keys({ asks: ["REMOTE_ACCESS_APP"], sharedSomething: true, lostMoney: false })).toContain(
      "remote-access",
    );
  });

  it("reassure people who shared nothing, and never tell them to change a password they kept", () => {
    const result = keys({ asks: ["ONE_TIME_CODE", "PASSWORD"], sharedSomething: false, lostMoney: false });
    expect(result).toEqual(["well-done", "keep-evidence"]);
  });

  it("name the UK and US national reporting services", () => {
    const text = JSON.stringify(NATIONAL_AUTHORITIES);
    expect(text).toContain("Action Fraud");
    expect(text).toContain("7726");
    expect(text).toContain("ReportFraud.ftc.gov");
  });
});

describe("confirmation links", () => {
  const confirmation = {
    reference: "SR-H4X9-175T",
    asks: ["PASSWORD", "ONE_TIME_CODE"] as const,
    sharedSomething: true,
    lostMoney: false,
  };

  it("round-trip through a signed address", () => {
    const url = new URL(confirmationPath({ ...confirmation, asks: [...confirmation.asks] }), "http://x");
    expect(url.pathname).toBe("/report/sent");
    const params = Object.fromEntries(url.searchParams);
    expect(readConfirmation(params)).toEqual({
      reference: "SR-H4X9-175T",
      asks: ["ONE_TIME_CODE", "PASSWORD"],
      sharedSomething: true,
      lostMoney: false,
    });
  });

  it("refuse a forged reference or altered advice", () => {
    const params = Object.fromEntries(
      new URL(confirmationPath({ ...confirmation, asks: [...confirmation.asks] }), "http://x").searchParams,
    );
    expect(readConfirmation({ ...params, ref: "SR-AAAA-AAAA" })).toBeNull();
    expect(readConfirmation({ ...params, shared: "0" })).toBeNull();
    expect(readConfirmation({ ...params, asks: "NOT_AN_ASK" })).toBeNull();
    expect(readConfirmation({ ...params, ref: "<b>hi</b>" })).toBeNull();
    expect(readConfirmation({ ref: "SR-H4X9-175T" })).toBeNull();
  });
});
