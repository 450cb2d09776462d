// Who a generated customer is: identity, contact details, home, devices, second factors, trips.
// The login history (customer-history.ts) is then played out from this profile.
import type { Faker } from "@faker-js/faker";
import type { CustomerRow, DemoRows, FactorType, RequestContext } from "./demo-rows";
import { toNameKey } from "../../lib/customers/name-key";
import type { Random } from "./random";
import {
  ANGLO_GIVEN_NAMES,
  ANGLO_SURNAMES,
  COUNTRIES,
  DEVICE_PROFILES,
  EMAIL_DOMAINS,
  TRAVEL_DESTINATIONS,
  type City,
  type Country,
  type DeviceProfile,
  type NameSource,
  type Place,
} from "./reference-data";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const SECOND = 1_000;

/** The span the demo's history covers: `historyEnd` is the last moment ordinary activity may use. */
export type Clock = { now: number; historyStart: number; historyEnd: number };

/** How far back ordinary history goes. */
export const HISTORY_DAYS = 183;

/**
 * The clock ordinary history is generated against: anchored to the start of `now`'s UTC day, so
 * every run on the same day writes identical rows (whatever the hour), and runs on other days the
 * same rows shifted by whole days. Only the stories are placed relative to the exact `now`; in
 * exchange, ordinary activity stops at the last UTC midnight, `quiet` before it.
 */
export function historyClock(now: number, quiet: number): Clock {
  const dayStart = Math.floor(now / DAY) * DAY;
  return { now: dayStart, historyStart: dayStart - HISTORY_DAYS * DAY, historyEnd: dayStart - quiet };
}

export type Device = {
  id: string;
  profile: DeviceProfile;
  /** When the customer started using it, and stopped (a replaced phone). */
  since: number;
  until: number | null;
};

export type FactorPlan = {
  type: Exclude<FactorType, "PASSWORD">;
  label: string;
  destination: string | null;
  enrolledAt: number;
  removedAt: number | null;
};

export type Trip = { from: number; to: number; place: Place; ip: string };

export type CustomerProfile = {
  row: CustomerRow;
  country: Country;
  home: RequestContext & { country: string; city: string; lat: number; lon: number };
  phone: string | null;
  /** What the customer types to sign in: their email or, for some, their phone number. */
  signInIdentifier: string;
  devices: Device[];
  factors: FactorPlan[];
  trip: Trip | null;
  /**
   * Calm customers (the stories' main characters before their incident) get plain history only:
   * no trips, no lockouts, no contact-detail changes, so each story's signal stands out.
   */
  calm: boolean;
};

/** Fakers for the locales whose names the demo takes from faker (the anglo lists are ours). */
export type NameFakers = Record<Exclude<NameSource, "anglo">, Faker>;

// A prime: multiplying by it permutes [0, m) for any m it does not divide.
const PHONE_MULTIPLIER = 1_000_003;

/**
 * A mobile number no other generated customer of that country has (up to prefixes × 10^digits
 * of them): the customer index is permuted over every (prefix, tail) pair of the country.
 */
export function mobileNumberFor(country: Country, index: number): string {
  const tails = 10 ** country.mobileDigits;
  const slot = (index * PHONE_MULTIPLIER + 7_654_321) % (country.mobilePrefixes.length * tails);
  const prefix = country.mobilePrefixes[Math.floor(slot / tails)] as string;
  return `+${country.dialCode}${prefix}${String(slot % tails).padStart(country.mobileDigits, "0")}`;
}

function hexGroup(rng: Random): string {
  return rng.int(1, 0xffff).toString(16);
}

/** Addresses from the IPv6 documentation prefix 2001:db8::/32 (RFC 3849): never routable. */
export function documentationIpv6(rng: Random): string {
  return `2001:db8:${hexGroup(rng)}:${hexGroup(rng)}:${hexGroup(rng)}:${hexGroup(rng)}:${hexGroup(rng)}:${hexGroup(rng)}`;
}

/**
 * Addresses from 198.18.0.0/15 (RFC 2544, reserved for benchmarks, never routable): 131,072 of
 * them, enough that ordinary customers rarely share one, which keeps the "IP seen across many
 * accounts" signal for the stories. The documentation ranges (192.0.2.0/24, 198.51.100.0/24,
 * 203.0.113.0/24) are reserved for the stories' attackers.
 */
export function benchmarkIpv4(slot: number): string {
  const k = slot % 131_072;
  const last = k & 255;
  return `198.${18 + (k >> 16)}.${(k >> 8) & 255}.${last === 0 ? 1 : last === 255 ? 254 : last}`;
}

function pickCity(rng: Random, country: Country): City {
  return rng.weighted(country.cities.map((city) => [city, city.weight] as const));
}

function pickName(rng: Random, fakers: NameFakers, source: NameSource): { first: string; last: string } {
  if (source === "anglo") return { first: rng.pick(ANGLO_GIVEN_NAMES), last: rng.pick(ANGLO_SURNAMES) };
  const faker = fakers[source];
  return { first: faker.person.firstName(), last: faker.person.lastName() };
}

/** The letters of a name as they appear in an email address ("O'Brien-Müller" → "obrienmuller"). */
function toEmailWord(name: string): string {
  return toNameKey(name).replace(/[^a-z]/g, "");
}

/** A plausible address whose trailing number is unique to this customer index. */
function emailFor(rng: Random, first: string, last: string, index: number): string {
  const f = toEmailWord(first);
  const l = toEmailWord(last);
  const local = rng.weighted<string>([
    [`${f}.${l}`, 40],
    [`${f}${l}`, 15],
    [`${f.charAt(0)}${l}`, 10],
    [`${f.charAt(0)}.${l}`, 6],
    [`${f}_${l}`, 5],
    [`${l}.${f}`, 5],
    [`${f}.${l.charAt(0)}`, 5],
    [f, 10],
    [l, 4],
  ]);
  // The words hold letters only, so the digits at the end are exactly this number: unique per index.
  const number = index * 7 + rng.int(0, 6);
  return `${local}${number}@${rng.pick(EMAIL_DOMAINS)}`;
}

/** Some people type their address with capitals; lookups go by the lower-cased form. */
function capitalised(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return `${local.split(".").map(cap).join(".")}@${cap(domain)}`;
}

const APP_LABELS = [
  "Authenticator app",
  "Google Authenticator",
  "Microsoft Authenticator",
  "1Password",
  "Authy",
];
const PASSKEY_LABELS: Record<DeviceProfile["kind"], readonly string[]> = {
  phone: ["iCloud Keychain", "Google Password Manager", "Samsung Pass"],
  tablet: ["iCloud Keychain"],
  computer: ["Windows Hello", "iCloud Keychain", "YubiKey 5C", "Chrome on Mac"],
};
const FLAG_REASONS = [
  "Chargebacks on three orders in one week: manual review",
  "Customer asked us to watch the account after a phishing email",
  "Reseller pattern: many high-value orders to different addresses",
];

type ProfileInput = {
  rng: Random;
  fakers: NameFakers;
  rows: DemoRows;
  clock: Clock;
  /** Position of the customer in the whole data set: makes email and phone unique. */
  index: number;
  externalId: string;
};

export function makeCustomerProfile({
  rng,
  fakers,
  rows,
  clock,
  index,
  externalId,
}: ProfileInput): CustomerProfile {
  const country = rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  const city = pickCity(rng, country);
  const { first, last } = pickName(rng, fakers, country.names);
  const fullName = `${first} ${last}`;
  const emailNormalized = emailFor(rng, first, last, index);
  const email = rng.chance(0.06) ? capitalised(emailNormalized) : emailNormalized;
  const phone = rng.chance(0.92) ? mobileNumberFor(country, index) : null;

  // Most accounts are older than the history window; some signed up during it.
  const createdAt = rng.chance(0.88)
    ? clock.historyStart - rng.between(7 * DAY, 6 * 365 * DAY)
    : rng.between(clock.historyStart + DAY, clock.historyEnd - 21 * DAY);

  const homeIp = rng.chance(0.55) ? documentationIpv6(rng) : benchmarkIpv4(index * 40_503 + 7);
  const home = {
    ip: homeIp,
    country: country.code,
    city: city.name,
    lat: city.lat,
    lon: city.lon,
    deviceId: null,
    userAgent: null,
  };

  const devices = makeDevices(rng, rows, clock, createdAt);
  const factors = makeFactors(rng, clock, createdAt, phone, emailNormalized, devices);
  const trip = makeTrip(rng, clock, createdAt, country.code);

  const status = rng.weighted<CustomerRow["status"]>([
    ["ACTIVE", 986],
    ["LOCKED", 8],
    ["SUSPENDED", 4],
    ["CLOSED", 2],
  ]);
  const flagged = rng.chance(0.003);
  const row: CustomerRow = {
    externalId,
    fullName,
    nameKey: toNameKey(fullName),
    email,
    emailNormalized,
    phoneE164: phone,
    country: country.code,
    status,
    flaggedAt: flagged ? rng.between(clock.historyStart, clock.historyEnd) : null,
    flagReason: flagged ? rng.pick(FLAG_REASONS) : null,
    passwordResetRequired: rng.chance(0.005),
    createdAt,
    updatedAt: createdAt,
  };
  return {
    row,
    country,
    home,
    phone,
    signInIdentifier: phone && rng.chance(0.35) ? phone : emailNormalized,
    devices,
    factors,
    trip,
    calm: false,
  };
}

export function makeDevices(rng: Random, rows: DemoRows, clock: Clock, createdAt: number): Device[] {
  const phones = DEVICE_PROFILES.filter((p) => p.kind === "phone");
  const count = rng.weighted<number>([
    [1, 35],
    [2, 45],
    [3, 20],
  ]);
  const start = Math.min(createdAt, clock.historyStart);
  const devices: Device[] = [];
  const first = rng.chance(0.85)
    ? rng.weighted(phones.map((p) => [p, p.weight] as const))
    : rng.weighted(DEVICE_PROFILES.map((p) => [p, p.weight] as const));
  devices.push({ id: rows.nextDeviceId(), profile: first, since: start, until: null });
  for (let i = 1; i < count; i++) {
    const profile = rng.weighted(DEVICE_PROFILES.map((p) => [p, p.weight] as const));
    devices.push({ id: rows.nextDeviceId(), profile, since: start, until: null });
  }
  // Some customers replace their phone during the window: a new device from then on.
  const firstDevice = devices[0];
  if (firstDevice && firstDevice.profile.kind === "phone" && rng.chance(0.15)) {
    const switchAt = rng.between(Math.max(start, clock.historyStart) + 14 * DAY, clock.historyEnd - 7 * DAY);
    if (switchAt > start) {
      firstDevice.until = switchAt;
      const profile = rng.weighted(phones.map((p) => [p, p.weight] as const));
      devices.push({ id: rows.nextDeviceId(), profile, since: switchAt, until: null });
    }
  }
  return devices;
}

function makeFactors(
  rng: Random,
  clock: Clock,
  createdAt: number,
  phone: string | null,
  email: string,
  devices: readonly Device[],
): FactorPlan[] {
  const factors: FactorPlan[] = [];
  const later = () => rng.between(createdAt + HOUR, clock.historyEnd - DAY);
  const sms = phone !== null && rng.chance(0.88);
  if (sms)
    factors.push({
      type: "SMS",
      label: rng.pick(["Mobile", "My phone", "Phone"]),
      destination: phone,
      enrolledAt: createdAt + 5 * MINUTE,
      removedAt: null,
    });
  if (!sms || rng.chance(0.3)) {
    factors.push({
      type: "EMAIL",
      label: "Email",
      destination: email,
      enrolledAt: sms ? later() : createdAt + 5 * MINUTE,
      removedAt: null,
    });
  }
  if (rng.chance(0.14)) {
    factors.push({
      type: "AUTHENTICATOR_APP",
      label: rng.pick(APP_LABELS),
      destination: null,
      enrolledAt: later(),
      removedAt: null,
    });
    if (rng.chance(0.5))
      factors.push({
        type: "BACKUP_CODES",
        label: "Backup codes",
        destination: null,
        enrolledAt: later(),
        removedAt: null,
      });
  }
  if (rng.chance(0.12)) {
    const device = rng.pick(devices);
    factors.push({
      type: "PASSKEY",
      label: rng.pick(PASSKEY_LABELS[device.profile.kind]),
      destination: null,
      enrolledAt: later(),
      removedAt: null,
    });
  }
  // An app someone set up once and later removed: kept for the record.
  if (rng.chance(0.04)) {
    const enrolledAt = later();
    const removedAt = enrolledAt + rng.between(DAY, 60 * DAY);
    if (removedAt < clock.historyEnd) {
      factors.push({ type: "AUTHENTICATOR_APP", label: "Authy", destination: null, enrolledAt, removedAt });
    }
  }
  return factors;
}

function makeTrip(rng: Random, clock: Clock, createdAt: number, homeCountry: string): Trip | null {
  if (!rng.chance(0.15)) return null;
  const options = TRAVEL_DESTINATIONS.filter((place) => place.country !== homeCountry);
  const place = rng.pick(options);
  const from = rng.between(Math.max(createdAt, clock.historyStart) + DAY, clock.historyEnd - 14 * DAY);
  const to = from + rng.between(3 * DAY, 12 * DAY);
  if (from >= to || to > clock.historyEnd) return null;
  return { from, to, place, ip: benchmarkIpv4(rng.int(0, 131_071)) };
}
