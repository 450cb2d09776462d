import { describe, expect, it } from "vitest";
import {
  computeRiskSignals,
  findImpossibleTravel,
  findNewDevicesAndCountries,
  findOtpBursts,
  findRecentScamReports,
  findRepeatedWrongCodes,
  findSharedIps,
  findSignInAfterChange,
  type AttemptFact,
  type DeliveryFact,
  type RiskInput,
} from "./risk-signals";

const T0 = new Date("2026-11-20T10:00:00Z").getTime();
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

let nextId = 0;
function attempt(overrides: Partial<AttemptFact> & { minutes: number }): AttemptFact {
  const { minutes, ...rest } = overrides;
  return {
    id: String(++nextId),
    occurredAt: at(minutes),
    outcome: "SUCCESS",
    ip: "192.0.2.10",
    country: "GB",
    city: "London",
    latitude: 51.5074,
    longitude: -0.1278,
    deviceId: "home-iphone",
    ...rest,
  };
}

function delivery(minutes: number, usedAt: Date | null = null): DeliveryFact {
  return {
    id: String(++nextId),
    sentAt: at(minutes),
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: "+44 •••• ••• 123",
    usedAt,
  };
}

const LONDON = { country: "GB", city: "London", latitude: 51.5074, longitude: -0.1278 };
const LAGOS = { country: "NG", city: "Lagos", latitude: 6.5244, longitude: 3.3792 };
const MANCHESTER = { country: "GB", city: "Manchester", latitude: 53.4808, longitude: -2.2426 };

describe("OTP bursts", () => {
  it("flags dozens of codes in minutes with none used, and explains it", () => {
    const signals = findOtpBursts(Array.from({ length: 24 }, (_, index) => delivery(index * 0.5)));
    expect(signals).toHaveLength(1);
    expect(signals[0]?.deliveryIds).toHaveLength(24);
    expect(signals[0]?.explanation).toMatch(
      /24 codes were sent to \+44 •••• ••• 123 within 12 minutes, and none was used/,
    );
  });

  it("does not flag an ordinary retry or codes spread over the day", () => {
    expect(findOtpBursts([delivery(0, at(1)), delivery(2, at(3))])).toEqual([]);
    expect(findOtpBursts(Array.from({ length: 8 }, (_, index) => delivery(index * 60)))).toEqual([]);
  });

  it("reports two separate bursts separately", () => {
    const deliveries = [
      ...Array.from({ length: 6 }, (_, i) => delivery(i)),
      ...Array.from({ length: 5 }, (_, i) => delivery(300 + i)),
    ];
    expect(findOtpBursts(deliveries)).toHaveLength(2);
  });
});

describe("new devices and countries", () => {
  const history = { knownDevices: new Set(["home-iphone"]), knownCountries: new Set(["GB"]) };

  it("flags a successful sign-in from a device and a country never seen before", () => {
    const signals = findNewDevicesAndCountries({
      ...history,
      attempts: [attempt({ minutes: 0 }), attempt({ minutes: 60, deviceId: "android-x", ...LAGOS })],
    });
    expect(signals.map((signal) => signal.code).sort()).toEqual(["NEW_COUNTRY", "NEW_DEVICE"]);
  });

  it("flags a new device once, ignores failed attempts, and needs a history to compare with", () => {
    const attempts = [
      attempt({ minutes: 0, deviceId: "laptop", outcome: "WRONG_PASSWORD" }),
      attempt({ minutes: 5, deviceId: "laptop" }),
      attempt({ minutes: 10, deviceId: "laptop" }),
    ];
    expect(findNewDevicesAndCountries({ ...history, attempts })).toHaveLength(1);
    expect(
      findNewDevicesAndCountries({ knownDevices: new Set(), knownCountries: new Set(), attempts }),
    ).toEqual([]);
  });
});

describe("impossible travel", () => {
  it("flags London then Lagos 40 minutes later", () => {
    const signals = findImpossibleTravel([
      attempt({ minutes: 0, ...LONDON }),
      attempt({ minutes: 40, ...LAGOS }),
    ]);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.explanation).toMatch(/km apart \(London → Lagos\)/);
  });

  it("allows a plausible trip and short hops", () => {
    expect(
      findImpossibleTravel([attempt({ minutes: 0, ...LONDON }), attempt({ minutes: 8 * 60, ...LAGOS })]),
    ).toEqual([]);
    expect(
      findImpossibleTravel([attempt({ minutes: 0, ...LONDON }), attempt({ minutes: 30, ...MANCHESTER })]),
    ).toEqual([]);
  });
});

describe("repeated wrong codes", () => {
  it("flags three wrong codes in a row, not two", () => {
    const three = [0, 2, 4].map((minutes) => attempt({ minutes, outcome: "CODE_WRONG" }));
    expect(findRepeatedWrongCodes(three)).toHaveLength(1);
    expect(findRepeatedWrongCodes(three.slice(0, 2))).toEqual([]);
    expect(
      findRepeatedWrongCodes([0, 60, 120].map((minutes) => attempt({ minutes, outcome: "CODE_WRONG" }))),
    ).toEqual([]);
  });
});

describe("sign-in soon after a change", () => {
  it("flags a sign-in within 48 hours after the phone number changed", () => {
    const signals = findSignInAfterChange(
      [attempt({ minutes: 30 })],
      [{ kind: "PHONE_CHANGED", occurredAt: at(0) }],
    );
    expect(signals).toHaveLength(1);
    expect(signals[0]?.explanation).toMatch(/30 minutes after the phone number was changed/);
  });

  it("ignores sign-ins before the change or long after it", () => {
    const change = [{ kind: "EMAIL_CHANGED" as const, occurredAt: at(0) }];
    expect(
      findSignInAfterChange([attempt({ minutes: -10 }), attempt({ minutes: 3 * 24 * 60 })], change),
    ).toEqual([]);
  });
});

describe("shared addresses and scam reports", () => {
  it("flags an address that touched many accounts, not one shared by a family", () => {
    expect(findSharedIps([{ ip: "203.0.113.7", accounts: 240, at: at(0) }])[0]?.explanation).toMatch(
      /tried 240 different accounts/,
    );
    expect(findSharedIps([{ ip: "192.0.2.1", accounts: 3, at: at(0) }])).toEqual([]);
  });

  it("turns a recent scam report into a signal naming its reference", () => {
    expect(
      findRecentScamReports([{ reference: "SR-ABCD-EFGH", contactedAt: at(0), sharedSomething: false }])[0]
        ?.explanation,
    ).toMatch(/SR-ABCD-EFGH/);
  });
});

describe("computeRiskSignals", () => {
  it("is quiet for an ordinary account and sorts signals newest first otherwise", () => {
    const quiet: RiskInput = {
      attempts: [attempt({ minutes: 0 }), attempt({ minutes: 60 * 24 })],
      knownDevices: new Set(["home-iphone"]),
      knownCountries: new Set(["GB"]),
      deliveries: [delivery(0, at(1))],
      changes: [],
      sharedIps: [],
      scamReports: [],
      flaggedAt: null,
    };
    expect(computeRiskSignals(quiet)).toEqual([]);

    const takeover = computeRiskSignals({
      ...quiet,
      attempts: [...quiet.attempts, attempt({ minutes: 60 * 24 + 30, deviceId: "attacker", ...LAGOS })],
      scamReports: [{ reference: "SR-1", contactedAt: at(60 * 24 + 10), sharedSomething: false }],
      flaggedAt: at(60 * 24 + 60),
    });
    expect(new Set(takeover.map((signal) => signal.code))).toEqual(
      new Set(["FLAGGED", "NEW_DEVICE", "NEW_COUNTRY", "IMPOSSIBLE_TRAVEL", "RECENT_SCAM_REPORT"]),
    );
    expect(takeover[0]?.code).toBe("FLAGGED");
    expect(takeover[takeover.length - 1]?.code).toBe("RECENT_SCAM_REPORT");
    const times = takeover.map((signal) => signal.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
