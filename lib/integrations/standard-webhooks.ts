// Signing per the Standard Webhooks specification (standardwebhooks.com), so any receiver can check
// a delivery with the specification's libraries in its own language:
//   webhook-id         stable per message (the account action's id): receivers dedupe on it
//   webhook-timestamp  Unix seconds: receivers refuse stale messages (replay)
//   webhook-signature  "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>", space-separated,
//                      one per valid secret (both the new and the old one during a rotation)
// Secrets are "whsec_" + base64 of 32 random bytes; the HMAC key is the decoded bytes.
import { createHmac, randomBytes } from "node:crypto";

const PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString("base64");
}

export function isWebhookSecret(value: string): boolean {
  if (!value.startsWith(PREFIX)) return false;
  return Buffer.from(value.slice(PREFIX.length), "base64").length >= 24;
}

export type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export function signWebhook(message: {
  id: string;
  timestamp: Date;
  body: string;
  secrets: readonly string[];
}): SignedHeaders {
  const seconds = Math.floor(message.timestamp.getTime() / 1000).toString();
  const signatures = message.secrets.map((secret) => {
    const key = Buffer.from(secret.slice(PREFIX.length), "base64");
    const mac = createHmac("sha256", key).update(`${message.id}.${seconds}.${message.body}`).digest("base64");
    return `v1,${mac}`;
  });
  return {
    "webhook-id": message.id,
    "webhook-timestamp": seconds,
    "webhook-signature": signatures.join(" "),
  };
}
