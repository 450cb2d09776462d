// OpenID Shared Signals (SSF 1.0) delivery: each account action as a Security Event Token (RFC 8417)
// signed by the desk's own key (ES256), for endpoints of format SSF_PUSH, pushed per RFC 8935.
// Receivers fetch the public key from /.well-known/jwks.json (named in /.well-known/ssf-configuration)
// and verify issuer, audience (the endpoint's URL), signature and `typ: secevent+jwt`.
//
// The subject is the customer's id in the identity system, as an RFC 9493 "opaque" identifier.
// Events come from CAEP (session-revoked, credential-change) and RISC (account-disabled,
// account-enabled, account-credential-change-required). A restored contact has no standard event,
// and a caller-verification prompt is not an account change, so SSF endpoints are sent neither
// CONTACT_RESTORED nor CALLER_VERIFICATION_REQUESTED (SSF_KINDS).
import "server-only";
import {
  createPrivateKey,
  createPublicKey,
  type JsonWebKey as NodeJsonWebKey,
  type KeyObject,
} from "node:crypto";
import { calculateJwkThumbprint, SignJWT, type JWK } from "jose";
import { appUrl, env } from "@/lib/env";
import type { AccountActionKind } from "@/lib/generated/prisma/enums";
import type { ActionForDelivery } from "./payload";

const CAEP = "https://schemas.openid.net/secevent/caep/event-type/";
const RISC = "https://schemas.openid.net/secevent/risc/event-type/";
export const SSF_VERIFICATION_EVENT = "https://schemas.openid.net/secevent/ssf/event-type/verification";

/** The kinds an SSF receiver can be told in standard events. */
export const SSF_KINDS: readonly AccountActionKind[] = [
  "FACTORS_RESET",
  "SESSIONS_ENDED",
  "SESSION_ENDED",
  "PASSWORD_CHANGE_REQUIRED",
  "ACCOUNT_LOCKED",
  "ACCOUNT_UNLOCKED",
];

/** CAEP's credential type for the removed factors: a single kind when there was one, else "app". */
function credentialType(detail: unknown): string {
  const types = (detail as { factorTypes?: unknown } | null)?.factorTypes;
  const only = Array.isArray(types) && types.length === 1 ? String(types[0]) : null;
  const CAEP_TYPES: Record<string, string> = {
    SMS: "phone-sms",
    PASSKEY: "fido2-platform",
    PASSWORD: "password",
  };
  return (only && CAEP_TYPES[only]) ?? "app";
}

function eventsFor(action: ActionForDelivery): Record<string, Record<string, unknown>> {
  const event_timestamp = Math.floor(action.createdAt.getTime() / 1000);
  const initiating_entity = "admin";
  const reason_admin = { en: action.reason };
  switch (action.kind) {
    case "SESSIONS_ENDED":
    case "SESSION_ENDED":
      return { [`${CAEP}session-revoked`]: { event_timestamp, initiating_entity, reason_admin } };
    case "FACTORS_RESET":
      return {
        [`${CAEP}credential-change`]: {
          event_timestamp,
          initiating_entity,
          reason_admin,
          credential_type: credentialType(action.detail),
          change_type: "delete",
        },
      };
    case "PASSWORD_CHANGE_REQUIRED":
      return { [`${RISC}account-credential-change-required`]: {} };
    case "ACCOUNT_LOCKED":
      return { [`${RISC}account-disabled`]: { reason: "hijacking" } };
    case "ACCOUNT_UNLOCKED":
      return { [`${RISC}account-enabled`]: {} };
    case "CONTACT_RESTORED":
    case "CALLER_VERIFICATION_REQUESTED":
      throw new Error(`${action.kind} has no SSF event; SSF endpoints are not scheduled for it`);
  }
}

type SigningKey = { privateKey: KeyObject; publicJwk: JWK & { kid: string } };
let cached: { source: string; key: SigningKey } | undefined;

/** The desk's SET signing key from SSF_SIGNING_KEY (a private EC P-256 JWK), or null when unset. */
export async function deskSigningKey(): Promise<SigningKey | null> {
  const source = env().SSF_SIGNING_KEY;
  if (!source) return null;
  if (cached?.source === source) return cached.key;
  const privateKey = createPrivateKey({ key: JSON.parse(source) as NodeJsonWebKey, format: "jwk" });
  const { kty, crv, x, y } = createPublicKey(privateKey).export({ format: "jwk" });
  const publicJwk = { kty, crv, x, y } as JWK;
  const kid = await calculateJwkThumbprint(publicJwk);
  const key = { privateKey, publicJwk: { ...publicJwk, kid, alg: "ES256", use: "sig" } };
  cached = { source, key };
  return key;
}

/** The JWKS the desk publishes: its public SET signing key, or none when SSF is not configured. */
export async function deskJwks(): Promise<{ keys: JWK[] }> {
  const key = await deskSigningKey();
  return { keys: key ? [key.publicJwk] : [] };
}

async function sign(
  claims: Record<string, unknown>,
  jti: string,
  audience: string,
  now: Date,
): Promise<string> {
  const key = await deskSigningKey();
  if (!key) throw new Error("SSF_SIGNING_KEY is not set: the desk cannot sign Security Event Tokens.");
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "ES256", typ: "secevent+jwt", kid: key.publicJwk.kid })
    .setIssuer(appUrl())
    .setAudience(audience)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setJti(jti)
    .sign(key.privateKey);
}

export async function actionSecurityEventToken(
  action: ActionForDelivery,
  audience: string,
  now = new Date(),
) {
  return sign(
    {
      sub_id: { format: "opaque", id: action.customerExternalId },
      txn: action.id,
      events: eventsFor(action),
    },
    action.id,
    audience,
    now,
  );
}

/** SSF's verification event: what "Send a test delivery" pushes to an SSF endpoint. */
export async function verificationSecurityEventToken(jti: string, audience: string, now = new Date()) {
  return sign(
    { sub_id: { format: "opaque", id: "desk" }, events: { [SSF_VERIFICATION_EVENT]: { state: jti } } },
    jti,
    audience,
    now,
  );
}

/** /.well-known/ssf-configuration: who the transmitter is and how it delivers. */
export function ssfConfiguration(): Record<string, unknown> {
  const base = appUrl();
  return {
    spec_version: "1_0",
    issuer: base,
    jwks_uri: `${base}/.well-known/jwks.json`,
    delivery_methods_supported: ["urn:ietf:rfc:8935"],
    // Streams are set up by the desk's admins on the Integrations page, not over an API.
    authorization_schemes: [{ spec_urn: "urn:ietf:rfc:6750" }],
    default_subjects: "ALL",
  };
}
