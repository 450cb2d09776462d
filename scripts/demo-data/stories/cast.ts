// The story customers as their writers see them: each one's profile, built from the fixed identity
// in stories.ts the way a generated customer's is, and the calm history already written for them.
import {
  DAY,
  MINUTE,
  type Clock,
  type CustomerProfile,
  type Device,
  type FactorPlan,
} from "../customer-profile";
import type { HistoryResult } from "../customer-history";
import type { DemoRows, RequestContext } from "../demo-rows";
import { toNameKey } from "../../../lib/customers/name-key";
import type { Random } from "../random";
import { COUNTRIES, DEVICE_PROFILES, type Country } from "../reference-data";
import { STORY_CUSTOMERS, TAKEOVER, type StoryCustomer, type StoryCustomerKey } from "../stories";

/** Every story customer, by key: what each story writer reads to add its incident. */
export type Cast = Record<StoryCustomerKey, { profile: CustomerProfile; history: HistoryResult }>;

const GB = COUNTRIES.find((country) => country.code === "GB") as Country;

/** Where the attackers' addresses place them on the map (the story definitions name only the city). */
export const CITY_COORDINATES: Record<string, { lat: number; lon: number }> = {
  "Frankfurt am Main": { lat: 50.1109, lon: 8.6821 },
  Paris: { lat: 48.8566, lon: 2.3522 },
  Amsterdam: { lat: 52.3676, lon: 4.9041 },
};

export function deviceProfile(label: string) {
  const profile = DEVICE_PROFILES.find((p) => p.label === label);
  if (!profile) throw new Error(`Unknown device label in stories: ${label}`);
  return profile;
}

/** Built from the fixed identity in stories.ts; only the sign-up date and home address are drawn. */
export function storyProfile(
  key: StoryCustomerKey,
  def: StoryCustomer,
  rng: Random,
  rows: DemoRows,
  clock: Clock,
): CustomerProfile {
  const city = GB.cities.find((c) => c.name === def.city);
  if (!city) throw new Error(`Unknown city in stories: ${def.city}`);
  const createdAt = clock.now - rng.between(400 * DAY, 2_000 * DAY);
  const devices: Device[] = def.devices.map((label) => ({
    id: rows.nextDeviceId(),
    profile: deviceProfile(label),
    since: createdAt,
    until: null,
  }));
  const phone = key === "takeover" ? TAKEOVER.originalPhone : def.phone;
  const factors: FactorPlan[] = def.factors.map((type, i) => ({
    type,
    label:
      type === "SMS"
        ? "Mobile"
        : type === "EMAIL"
          ? "Email"
          : type === "PASSKEY"
            ? "iCloud Keychain"
            : "Authenticator app",
    destination: type === "SMS" ? phone : type === "EMAIL" ? def.email : null,
    // The past-takeover customer added his app during that case; everyone else long ago.
    enrolledAt:
      key === "pastTakeover" && type === "AUTHENTICATOR_APP"
        ? clock.now - 38 * DAY
        : createdAt + (i + 1) * 10 * MINUTE,
    removedAt: null,
  }));
  return {
    row: {
      externalId: def.externalId,
      fullName: def.fullName,
      nameKey: toNameKey(def.fullName),
      email: def.email,
      emailNormalized: def.email,
      phoneE164: def.phone,
      country: "GB",
      status: "ACTIVE",
      flaggedAt: null,
      flagReason: null,
      passwordResetRequired: false,
      createdAt,
      updatedAt: createdAt,
    },
    country: GB,
    home: {
      ip: `198.18.${200 + Object.keys(STORY_CUSTOMERS).indexOf(key)}.${rng.int(2, 250)}`,
      country: "GB",
      city: city.name,
      lat: city.lat,
      lon: city.lon,
      deviceId: null,
      userAgent: null,
    },
    phone,
    signInIdentifier: def.email,
    devices,
    factors,
    trip: null,
    calm: true,
  };
}

/** A request from the customer's home address, on one of their own devices. */
export function homeContext(profile: CustomerProfile, device: Device): RequestContext {
  return { ...profile.home, deviceId: device.id, userAgent: device.profile.userAgent };
}
