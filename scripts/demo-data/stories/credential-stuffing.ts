// (a) Credential stuffing: a bot tries breached email/password pairs from one /24, against addresses
// of real customers and of people who never had an account, until the per-address limit blocks it.
import type pg from "pg";
import { SECOND } from "../customer-profile";
import { CODE_LIFETIME } from "../customer-history";
import type { DemoRows, RequestContext } from "../demo-rows";
import { maskEmail, maskPhone } from "../masking";
import type { Random } from "../random";
import { ANGLO_GIVEN_NAMES, ANGLO_SURNAMES, COUNTRIES } from "../reference-data";
import { CREDENTIAL_STUFFING } from "../stories";
import { CITY_COORDINATES } from "./cast";

const STUFFING_USER_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/119.0.6045.105 Safari/537.36",
  "python-requests/2.31.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/118.0.0.0 Safari/537.36",
];

type Target = { ref: number | null; identifier: string; phone: string | null; country: string | null };

export async function writeCredentialStuffing(
  client: pg.ClientBase,
  rows: DemoRows,
  rng: Random,
  now: number,
) {
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
