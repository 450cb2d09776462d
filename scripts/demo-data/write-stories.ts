// Writes the stories of stories.ts: their customers (with months of calm history first), the
// incidents in the last days, the scam-call reports and the cases. Runs after the generated
// customers exist, because the credential-stuffing bot tries some of their addresses.
import type pg from "pg";
import {
  DAY,
  HOUR,
  MINUTE,
  SECOND,
  historyClock,
  type Clock,
  type CustomerProfile,
  type Device,
  type FactorPlan,
} from "./customer-profile";
import { CODE_LIFETIME, writeCustomerHistory, type HistoryResult } from "./customer-history";
import type { DemoIds, RequestContext, TableCounts } from "./demo-rows";
import { DemoRows } from "./demo-rows";
import { maskEmail, maskPhone } from "./masking";
import { toNameKey } from "../../lib/customers/name-key";
import { Random, mixSeed } from "./random";
import {
  ANGLO_GIVEN_NAMES,
  ANGLO_SURNAMES,
  COUNTRIES,
  DEVICE_PROFILES,
  type Country,
} from "./reference-data";
import {
  CREDENTIAL_STUFFING,
  LOST_PHONE,
  MISTYPED_NUMBER,
  OTP_BOMBING,
  SCAM_REPORTS,
  STORY_CASES,
  STORY_CUSTOMERS,
  STORY_QUIET_BEFORE,
  TAKEOVER,
  UNREQUESTED_CODE,
  type DemoStaffKey,
  type StoryCaseKey,
  type StoryCustomer,
  type StoryCustomerKey,
} from "./stories";

/** The id block reserved for story rows (generated chunks use 0, 1, 2, …). */
export const STORY_BLOCK = 2 ** 20 - 1;

/** Background sign-in attempts per story customer: fixed, so stories do not depend on the flags. */
const STORY_BACKGROUND_ATTEMPTS = 30;

const GB = COUNTRIES.find((country) => country.code === "GB") as Country;

const CITY_COORDINATES: Record<string, { lat: number; lon: number }> = {
  "Frankfurt am Main": { lat: 50.1109, lon: 8.6821 },
  Paris: { lat: 48.8566, lon: 2.3522 },
  Amsterdam: { lat: 52.3676, lon: 4.9041 },
};

function deviceProfile(label: string) {
  const profile = DEVICE_PROFILES.find((p) => p.label === label);
  if (!profile) throw new Error(`Unknown device label in stories: ${label}`);
  return profile;
}

function storyProfile(
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

function homeContext(profile: CustomerProfile, device: Device): RequestContext {
  return { ...profile.home, deviceId: device.id, userAgent: device.profile.userAgent };
}

type Cast = Record<StoryCustomerKey, { profile: CustomerProfile; history: HistoryResult }>;

export type StoryInput = {
  client: pg.ClientBase;
  ids: DemoIds;
  seed: number;
  now: number;
  staffIds: Record<DemoStaffKey, string>;
};

export async function writeStories({ client, ids, seed, now, staffIds }: StoryInput): Promise<TableCounts> {
  const rng = new Random(mixSeed(seed, STORY_BLOCK));
  const rows = new DemoRows(ids, STORY_BLOCK);
  // Their calm months are generated like everyone's (anchored to the day); their incidents follow
  // the exact `now`, at least STORY_QUIET_BEFORE after that history ends.
  const clock: Clock = historyClock(now, STORY_QUIET_BEFORE);

  const cast = {} as Cast;
  for (const [key, def] of Object.entries(STORY_CUSTOMERS) as [StoryCustomerKey, StoryCustomer][]) {
    const profile = storyProfile(key, def, rng, rows, clock);
    if (key === "takeover") {
      // The row shows the account as it is now: the attacker's number, changed minutes after sign-in.
      const changedAt = now - TAKEOVER.signInAgo + TAKEOVER.phoneChangedAfter;
      const sms = profile.factors.find((f) => f.type === "SMS");
      if (sms) sms.removedAt = changedAt;
      profile.row.updatedAt = changedAt;
    }
    const history = writeCustomerHistory(rows, rng, profile, clock, STORY_BACKGROUND_ATTEMPTS);
    cast[key] = { profile, history };
  }

  writeOtpBombing(rows, rng, cast, now);
  writeTakeover(rows, rng, cast, now);
  writeUnrequestedCode(rows, rng, cast, now);
  writeMistypedNumber(rows, rng, cast, now);
  writeLostPhone(rows, rng, cast, now);
  writeCodeNotArriving(rows, rng, cast, now);
  writePastTakeover(rows, cast, now);
  await writeCredentialStuffing(client, rows, rng, now);

  const { counts, customerIds } = await rows.write(client);
  const customerId = (key: StoryCustomerKey) => {
    const id = customerIds.get(STORY_CUSTOMERS[key].externalId);
    if (!id) throw new Error(`Story customer ${key} was not written`);
    return id;
  };
  const caseIds = await writeCases(client, now, staffIds, customerId);
  counts.cases = caseIds.size;
  counts.case_notes = Object.values(STORY_CASES).reduce((sum, c) => sum + c.notes.length, 0);
  counts.scam_reports = await writeScamReports(client, now, staffIds, customerId, caseIds);
  return counts;
}

function writeOtpBombing(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.otpBombing;
  const where = CITY_COORDINATES[OTP_BOMBING.city] ?? { lat: null, lon: null };
  const context: RequestContext = {
    ip: OTP_BOMBING.ip,
    country: OTP_BOMBING.country,
    city: OTP_BOMBING.city,
    ...where,
    deviceId: rows.nextDeviceId(),
    userAgent: OTP_BOMBING.userAgent,
  };
  const start = now - OTP_BOMBING.startsAgo;
  const phone = profile.phone as string;
  // A script asks for a code again and again by typing her number into "sign in with a code".
  for (let i = 0; i < OTP_BOMBING.codes; i++) {
    const at = start + i * OTP_BOMBING.codeInterval + rng.between(0, 3 * SECOND);
    const flowId = rows.nextFlowId();
    rows.addAttempt({
      customer: history.ref,
      identifier: phone,
      flowId,
      at,
      outcome: "CODE_SENT",
      factor: "SMS",
      context,
    });
    rows.addOtp({
      customer: history.ref,
      flowId,
      sentAt: at + 600,
      purpose: "SIGN_IN",
      channel: "SMS",
      destinationMasked: history.codeFactor.masked,
      status: "DELIVERED",
      statusReason: null,
      expiresAt: at + 600 + CODE_LIFETIME,
      usedAt: null,
      context,
    });
  }
  // Then the per-account limit starts refusing to send more.
  const blockedFrom = start + OTP_BOMBING.codes * OTP_BOMBING.codeInterval;
  for (let i = 0; i < OTP_BOMBING.blockedAfter; i++) {
    rows.addAttempt({
      customer: history.ref,
      identifier: phone,
      flowId: rows.nextFlowId(),
      at: blockedFrom + i * 15 * SECOND + rng.between(0, 2 * SECOND),
      outcome: "BLOCKED",
      factor: null,
      context,
    });
  }
}

function writeTakeover(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.takeover;
  const ref = history.ref;
  const t0 = now - TAKEOVER.signInAgo;
  const home = homeContext(profile, profile.devices[0] as Device);
  const oldNumber = history.codeFactor.masked;
  const newNumber = maskPhone(TAKEOVER.attackerPhone, "44");

  // His own ordinary sign-in that morning, from home: the "before" picture.
  const morning = t0 - 2 * HOUR - 10 * MINUTE;
  const morningFlow = rows.nextFlowId();
  rows.addAttempt({
    customer: ref,
    identifier: profile.signInIdentifier,
    flowId: morningFlow,
    at: morning,
    outcome: "CODE_SENT",
    factor: "SMS",
    context: home,
  });
  rows.addOtp({
    customer: ref,
    flowId: morningFlow,
    sentAt: morning + 700,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: oldNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: morning + 700 + CODE_LIFETIME,
    usedAt: morning + 48 * SECOND,
    context: home,
  });
  rows.addAttempt({
    customer: ref,
    identifier: profile.signInIdentifier,
    flowId: morningFlow,
    at: morning + 48 * SECOND,
    outcome: "SUCCESS",
    factor: "SMS",
    context: home,
  });

  const attacker: RequestContext = {
    ip: TAKEOVER.ip,
    country: TAKEOVER.country,
    city: TAKEOVER.city,
    lat: TAKEOVER.lat,
    lon: TAKEOVER.lon,
    deviceId: rows.nextDeviceId(),
    userAgent: TAKEOVER.userAgent,
  };
  // The code went to his phone; he read it out to the "fraud team"; it was used on their device.
  const flowId = rows.nextFlowId();
  const signedIn = t0 + 95 * SECOND;
  rows.addAttempt({
    customer: ref,
    identifier: profile.row.emailNormalized,
    flowId,
    at: t0,
    outcome: "CODE_SENT",
    factor: "SMS",
    context: attacker,
  });
  rows.addOtp({
    customer: ref,
    flowId,
    sentAt: t0 + 800,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: oldNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: t0 + 800 + CODE_LIFETIME,
    usedAt: signedIn,
    context: attacker,
  });
  rows.addAttempt({
    customer: ref,
    identifier: profile.row.emailNormalized,
    flowId,
    at: signedIn,
    outcome: "SUCCESS",
    factor: "SMS",
    context: attacker,
  });

  // Changing the password signs out every other session: his own phone loses its morning session.
  rows.addChange(ref, "PASSWORD_CHANGED", t0 + TAKEOVER.passwordChangedAfter, attacker);
  rows.addSession({
    customer: ref,
    deviceId: home.deviceId,
    deviceLabel: (profile.devices[0] as Device).profile.label,
    userAgent: home.userAgent,
    ip: home.ip,
    country: home.country,
    city: home.city,
    createdAt: morning + 48 * SECOND,
    lastSeenAt: morning + 40 * MINUTE,
    revokedAt: t0 + TAKEOVER.passwordChangedAfter,
    revokedReason: "Signed out after a password change",
  });
  const phoneChanged = t0 + TAKEOVER.phoneChangedAfter;
  rows.addOtp({
    customer: ref,
    flowId: rows.nextFlowId(),
    sentAt: phoneChanged - 40 * SECOND,
    purpose: "FACTOR_CHANGE",
    channel: "SMS",
    destinationMasked: newNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: phoneChanged - 40 * SECOND + CODE_LIFETIME,
    usedAt: phoneChanged - 5 * SECOND,
    context: attacker,
  });
  rows.addChange(ref, "PHONE_CHANGED", phoneChanged, attacker);
  rows.addChange(ref, "FACTOR_REMOVED", phoneChanged, attacker);
  rows.addChange(ref, "FACTOR_ADDED", phoneChanged, attacker);
  const paidAt = t0 + TAKEOVER.paymentAfter;
  rows.addFactor({
    customer: ref,
    type: "SMS",
    label: "Mobile",
    destination: TAKEOVER.attackerPhone,
    enrolledAt: phoneChanged,
    lastUsedAt: paidAt + 35 * SECOND,
    removedAt: null,
  });
  rows.addOtp({
    customer: ref,
    flowId: rows.nextFlowId(),
    sentAt: paidAt,
    purpose: "PAYMENT",
    channel: "SMS",
    destinationMasked: newNumber,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: paidAt + 5 * MINUTE,
    usedAt: paidAt + 35 * SECOND,
    context: attacker,
  });
  rows.addSession({
    customer: ref,
    deviceId: attacker.deviceId,
    deviceLabel: TAKEOVER.deviceLabel,
    userAgent: TAKEOVER.userAgent,
    ip: TAKEOVER.ip,
    country: TAKEOVER.country,
    city: TAKEOVER.city,
    createdAt: signedIn,
    lastSeenAt: now - 35 * MINUTE,
    revokedAt: null,
    revokedReason: null,
  });

  // Next morning his own password no longer works.
  const lockedOut = t0 + TAKEOVER.customerLockedOutAfter;
  const lockFlow = rows.nextFlowId();
  for (let i = 0; i < 3; i++) {
    rows.addAttempt({
      customer: ref,
      identifier: profile.signInIdentifier,
      flowId: lockFlow,
      at: lockedOut + i * 40 * SECOND + rng.between(0, 5 * SECOND),
      outcome: "WRONG_PASSWORD",
      factor: "PASSWORD",
      context: home,
    });
  }
  rows.addAttempt({
    customer: ref,
    identifier: profile.signInIdentifier,
    flowId: lockFlow,
    at: lockedOut + 2 * MINUTE,
    outcome: "LOCKED",
    factor: "PASSWORD",
    context: home,
  });
}

function writeUnrequestedCode(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.unrequestedCode;
  const where = CITY_COORDINATES[UNREQUESTED_CODE.city] ?? { lat: null, lon: null };
  const context: RequestContext = {
    ip: UNREQUESTED_CODE.ip,
    country: UNREQUESTED_CODE.country,
    city: UNREQUESTED_CODE.city,
    ...where,
    deviceId: rows.nextDeviceId(),
    userAgent: UNREQUESTED_CODE.userAgent,
  };
  const at = now - UNREQUESTED_CODE.sentAgo + rng.between(0, 30 * SECOND);
  const flowId = rows.nextFlowId();
  rows.addAttempt({
    customer: history.ref,
    identifier: profile.phone,
    flowId,
    at,
    outcome: "CODE_SENT",
    factor: "SMS",
    context,
  });
  rows.addOtp({
    customer: history.ref,
    flowId,
    sentAt: at + 650,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: history.codeFactor.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: at + 650 + CODE_LIFETIME,
    usedAt: null,
    context,
  });
}

function writeMistypedNumber(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const tom = cast.mistypedBy;
  const aisha = cast.mistypedRecipient;
  const context = homeContext(tom.profile, tom.profile.devices[0] as Device);
  const at = now - MISTYPED_NUMBER.sentAgo + rng.between(0, MINUTE);

  // The typed number belongs to Aisha's account, so the identity system sent the code to her.
  const wrongFlow = rows.nextFlowId();
  rows.addAttempt({
    customer: aisha.history.ref,
    identifier: MISTYPED_NUMBER.typedNumber,
    flowId: wrongFlow,
    at,
    outcome: "CODE_SENT",
    factor: "SMS",
    context,
  });
  rows.addOtp({
    customer: aisha.history.ref,
    flowId: wrongFlow,
    sentAt: at + 700,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: aisha.history.codeFactor.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: at + 700 + CODE_LIFETIME,
    usedAt: null,
    context,
  });

  const rightAt = at + 55 * SECOND;
  const rightFlow = rows.nextFlowId();
  const tomPhone = tom.profile.phone as string;
  rows.addAttempt({
    customer: tom.history.ref,
    identifier: tomPhone,
    flowId: rightFlow,
    at: rightAt,
    outcome: "CODE_SENT",
    factor: "SMS",
    context,
  });
  rows.addOtp({
    customer: tom.history.ref,
    flowId: rightFlow,
    sentAt: rightAt + 600,
    purpose: "SIGN_IN",
    channel: "SMS",
    destinationMasked: tom.history.codeFactor.masked,
    status: "DELIVERED",
    statusReason: null,
    expiresAt: rightAt + 600 + CODE_LIFETIME,
    usedAt: rightAt + 40 * SECOND,
    context,
  });
  rows.addAttempt({
    customer: tom.history.ref,
    identifier: tomPhone,
    flowId: rightFlow,
    at: rightAt + 40 * SECOND,
    outcome: "SUCCESS",
    factor: "SMS",
    context,
  });
}

function writeLostPhone(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.lostPhone;
  const newPhone: Device = {
    id: rows.nextDeviceId(),
    profile: deviceProfile(LOST_PHONE.newDeviceLabel),
    since: now - LOST_PHONE.firstFailureAgo,
    until: null,
  };
  const context = homeContext(profile, newPhone);
  const failed = (at: number, flowId: string, channel: "SMS" | "VOICE", reason: string) => {
    rows.addAttempt({
      customer: history.ref,
      identifier: profile.signInIdentifier,
      flowId,
      at,
      outcome: "CODE_SENT",
      factor: "SMS",
      context,
    });
    rows.addOtp({
      customer: history.ref,
      flowId,
      sentAt: at + 700,
      purpose: "SIGN_IN",
      channel,
      destinationMasked: history.codeFactor.masked,
      status: "FAILED",
      statusReason: reason,
      expiresAt: at + 700 + CODE_LIFETIME,
      usedAt: null,
      context,
    });
  };
  // Her number is on the lost phone, which is switched off: every code fails, even a voice call.
  const first = now - LOST_PHONE.firstFailureAgo;
  const flow = rows.nextFlowId();
  failed(first, flow, "SMS", "Handset unreachable");
  failed(first + 2 * MINUTE + rng.between(0, 20 * SECOND), flow, "SMS", "Handset unreachable");
  failed(first + 4 * MINUTE + rng.between(0, 20 * SECOND), flow, "VOICE", "No answer");
  failed(first + 35 * MINUTE, rows.nextFlowId(), "SMS", "Handset unreachable");
  failed(now - 6 * HOUR, rows.nextFlowId(), "SMS", "Handset unreachable");
}

function writeCodeNotArriving(rows: DemoRows, rng: Random, cast: Cast, now: number) {
  const { profile, history } = cast.codeNotArriving;
  const device = profile.devices[0] as Device;
  const context = homeContext(profile, device);
  const email = maskEmail(profile.row.emailNormalized);
  // Texts leave the gateway but no delivery receipt ever comes back; an email code gets him in.
  for (const ago of [44 * HOUR, 20 * HOUR]) {
    const start = now - ago + rng.between(0, 10 * MINUTE);
    const flowId = rows.nextFlowId();
    const steps = [0, 2 * MINUTE, 4 * MINUTE];
    steps.forEach((offset, i) => {
      const at = start + offset;
      const byEmail = i === steps.length - 1;
      rows.addAttempt({
        customer: history.ref,
        identifier: profile.signInIdentifier,
        flowId,
        at,
        outcome: "CODE_SENT",
        factor: byEmail ? "EMAIL" : "SMS",
        context,
      });
      rows.addOtp({
        customer: history.ref,
        flowId,
        sentAt: at + 800,
        purpose: "SIGN_IN",
        channel: byEmail ? "EMAIL" : "SMS",
        destinationMasked: byEmail ? email : history.codeFactor.masked,
        status: byEmail ? "DELIVERED" : "SENT",
        statusReason: null,
        expiresAt: at + 800 + CODE_LIFETIME,
        usedAt: byEmail ? at + 70 * SECOND : null,
        context,
      });
    });
    rows.addAttempt({
      customer: history.ref,
      identifier: profile.signInIdentifier,
      flowId,
      at: start + 4 * MINUTE + 70 * SECOND,
      outcome: "SUCCESS",
      factor: "EMAIL",
      context,
    });
  }
}

function writePastTakeover(rows: DemoRows, cast: Cast, now: number) {
  const { profile, history } = cast.pastTakeover;
  const context = homeContext(profile, profile.devices[0] as Device);
  // The forced password reset during that case (the app he added then is in his factors).
  rows.addChange(history.ref, "PASSWORD_CHANGED", now - 41 * DAY + 2 * HOUR, context);
}

const STUFFING_USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/119.0.6045.105 Safari/537.36",
  "python-requests/2.31.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36",
];

type Target = { ref: number | null; identifier: string; phone: string | null; country: string | null };

async function writeCredentialStuffing(client: pg.ClientBase, rows: DemoRows, rng: Random, now: number) {
  const s = CREDENTIAL_STUFFING;
  // Breached lists hold addresses of real customers here and of people who never had an account.
  const known = await client.query<{
    id: string;
    email_normalized: string;
    phone_e164: string | null;
    country: string | null;
  }>("SELECT id, email_normalized, phone_e164, country FROM customers ORDER BY external_id LIMIT $1", [
    s.knownAccounts,
  ]);
  const strangers: string[] = [];
  while (strangers.length < s.attempts - known.rows.length) {
    const first = rng.pick(ANGLO_GIVEN_NAMES).toLowerCase();
    const last = rng
      .pick(ANGLO_SURNAMES)
      .toLowerCase()
      .replace(/[^a-z]/g, "");
    strangers.push(
      `${first}${rng.pick([".", "_", ""])}${last}${rng.int(1960, 2005)}@${rng.pick(["example.net", "example.org"])}`,
    );
  }
  // A made-up address may match a generated customer by chance: then it is a known account too.
  const matched = await client.query<{
    id: string;
    email_normalized: string;
    phone_e164: string | null;
    country: string | null;
  }>(
    "SELECT id, email_normalized, phone_e164, country FROM customers WHERE email_normalized = ANY($1::text[])",
    [strangers],
  );
  const byEmail = new Map(matched.rows.map((row) => [row.email_normalized, row]));
  const targets: Target[] = [
    ...known.rows.map((row) => ({
      ref: rows.refExistingCustomer(row.id),
      identifier: row.email_normalized,
      phone: row.phone_e164,
      country: row.country,
    })),
    ...strangers.map((identifier) => {
      const row = byEmail.get(identifier);
      return row
        ? { ref: rows.refExistingCustomer(row.id), identifier, phone: row.phone_e164, country: row.country }
        : { ref: null, identifier, phone: null, country: null };
    }),
  ];
  // Shuffle (Fisher–Yates) so known and unknown accounts interleave as in a real list.
  for (let i = targets.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [targets[i], targets[j]] = [targets[j] as Target, targets[i] as Target];
  }

  const start = now - s.startsAgo;
  const perIp = new Map<string, number>();
  let matches = 0;
  const where = CITY_COORDINATES[s.city] ?? { lat: null, lon: null };
  targets.forEach((target, i) => {
    const ip = s.ips[i % s.ips.length] as string;
    const tries = (perIp.get(ip) ?? 0) + 1;
    perIp.set(ip, tries);
    const at = start + (i * s.span) / s.attempts + rng.between(0, 4 * SECOND);
    // Bots drop cookies, so every request looks like a brand-new device.
    const context: RequestContext = {
      ip,
      country: s.country,
      city: s.city,
      ...where,
      deviceId: rows.nextDeviceId(),
      userAgent: rng.pick(STUFFING_USER_AGENTS),
    };
    const flowId = rows.nextFlowId();
    if (tries > s.allowedPerIp) {
      rows.addAttempt({
        customer: target.ref,
        identifier: target.identifier,
        flowId,
        at,
        outcome: "BLOCKED",
        factor: null,
        context,
      });
      return;
    }
    if (target.ref !== null && matches < s.passwordMatches) {
      // The breached password was right; the sign-in code is what stopped the bot.
      matches++;
      const dial = COUNTRIES.find((country) => country.code === target.country)?.dialCode ?? "44";
      const bySms = target.phone !== null;
      rows.addAttempt({
        customer: target.ref,
        identifier: target.identifier,
        flowId,
        at,
        outcome: "CODE_SENT",
        factor: bySms ? "SMS" : "EMAIL",
        context,
      });
      rows.addOtp({
        customer: target.ref,
        flowId,
        sentAt: at + 900,
        purpose: "SIGN_IN",
        channel: bySms ? "SMS" : "EMAIL",
        destinationMasked: target.phone ? maskPhone(target.phone, dial) : maskEmail(target.identifier),
        status: "DELIVERED",
        statusReason: null,
        expiresAt: at + 900 + CODE_LIFETIME,
        usedAt: null,
        context,
      });
      return;
    }
    rows.addAttempt({
      customer: target.ref,
      identifier: target.identifier,
      flowId,
      at,
      outcome: "WRONG_PASSWORD",
      factor: "PASSWORD",
      context,
    });
  });
}

async function writeCases(
  client: pg.ClientBase,
  now: number,
  staffIds: Record<DemoStaffKey, string>,
  customerId: (key: StoryCustomerKey) => string,
): Promise<Map<StoryCaseKey, string>> {
  const ids = new Map<StoryCaseKey, string>();
  const at = (ago: number) => new Date(now - ago);
  // A handful of rows: plain parameterised statements, in a fixed order so case numbers are stable.
  for (const [key, c] of Object.entries(STORY_CASES) as [
    StoryCaseKey,
    (typeof STORY_CASES)[StoryCaseKey],
  ][]) {
    const lastNote = Math.min(...c.notes.map((note) => note.ago), c.openedAgo);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO cases (customer_id, type, status, subject, assignee_id, opened_by_id, outcome, created_at, updated_at, closed_at)
       VALUES ($1, $2::"CaseType", $3::"CaseStatus", $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        customerId(c.customer),
        c.type,
        c.status,
        c.subject,
        c.assignee ? staffIds[c.assignee] : null,
        staffIds[c.openedBy],
        c.outcome,
        at(c.openedAgo),
        at(c.closedAgo ?? lastNote),
        c.closedAgo === null ? null : at(c.closedAgo),
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`Case ${key} was not written`);
    ids.set(key, id);
    for (const note of c.notes) {
      await client.query(
        `INSERT INTO case_notes (case_id, author_id, kind, body, created_at) VALUES ($1, $2, $3::"CaseNoteKind", $4, $5)`,
        [id, note.author ? staffIds[note.author] : null, note.kind, note.body, at(note.ago)],
      );
    }
  }
  return ids;
}

async function writeScamReports(
  client: pg.ClientBase,
  now: number,
  staffIds: Record<DemoStaffKey, string>,
  customerId: (key: StoryCustomerKey) => string,
  caseIds: ReadonlyMap<StoryCaseKey, string>,
): Promise<number> {
  for (const r of SCAM_REPORTS) {
    const contactedAt = now - r.contactedAgo;
    const createdAt = Math.min(contactedAt + r.reportedAfter, now - MINUTE);
    await client.query(
      `INSERT INTO scam_reports (reference, source, status, channel, contact_number_e164, contact_raw, claimed_organisation,
         claimed_role, claimed_name, contacted_at, asks, shared_something, money_lost_cents, currency, payment_method, story,
         reporter_name, reporter_email, reporter_phone, customer_email, customer_id, case_id, assignee_id, recorded_by_id,
         created_at, updated_at)
       VALUES ($1, $2::"ScamReportSource", $3::"ScamReportStatus", $4::"ScamChannel", $5, $6, $7, $8, $9, $10,
         $11::"ScamAsk"[], $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $25)`,
      [
        r.reference,
        r.source,
        r.status,
        r.channel,
        r.contactNumberE164,
        r.contactRaw,
        r.claimedOrganisation,
        r.claimedRole,
        r.claimedName,
        new Date(contactedAt),
        r.asks,
        r.sharedSomething,
        r.moneyLostCents,
        r.currency,
        r.paymentMethod,
        r.story,
        r.reporterName,
        r.reporterEmail,
        r.reporterPhone,
        r.customerEmail,
        r.customer ? customerId(r.customer) : null,
        r.caseKey ? (caseIds.get(r.caseKey) ?? null) : null,
        r.assignee ? staffIds[r.assignee] : null,
        r.recordedBy ? staffIds[r.recordedBy] : null,
        new Date(createdAt),
      ],
    );
  }
  return SCAM_REPORTS.length;
}
