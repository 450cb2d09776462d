// What goes over the wire to an endpoint, by its format: the one place that knows both.
//   STANDARD_WEBHOOKS  JSON body (payload.ts), signed with the endpoint's secret(s)
//   SSF_PUSH           a Security Event Token (RFC 8417) signed with the desk's key, pushed per
//                      RFC 8935 with the endpoint's secret as the bearer token the receiver checks
import "server-only";
import { randomUUID } from "node:crypto";
import type { EndpointFormat } from "@/lib/generated/prisma/enums";
import { signingSecrets } from "./endpoints";
import { actionEvent, testEvent, type ActionForDelivery } from "./payload";
import { actionSecurityEventToken, verificationSecurityEventToken } from "./security-event-tokens";
import { signWebhook } from "./standard-webhooks";

export type PushEndpoint = {
  format: EndpointFormat;
  url: string;
  secretEnc: string | null;
  previousSecretEnc: string | null;
  previousSecretExpiresAt: Date | null;
};

export type OutgoingRequest = { body: string; headers: Record<string, string> };

function bearer(endpoint: PushEndpoint, now: Date): Record<string, string> {
  const [secret] = signingSecrets(endpoint, now);
  return secret ? { authorization: `Bearer ${secret}` } : {};
}

/** The request for one account action (`action` null: the test delivery). */
export async function outgoingRequest(
  endpoint: PushEndpoint,
  action: ActionForDelivery | null,
  now = new Date(),
): Promise<OutgoingRequest> {
  if (endpoint.format === "SSF_PUSH") {
    const body = action
      ? await actionSecurityEventToken(action, endpoint.url, now)
      : await verificationSecurityEventToken(`test_${randomUUID()}`, endpoint.url, now);
    return {
      body,
      headers: {
        "content-type": "application/secevent+jwt",
        accept: "application/json",
        ...bearer(endpoint, now),
      },
    };
  }
  const body = JSON.stringify(action ? actionEvent(action) : testEvent(now));
  const id = action ? `msg_${action.id}` : `msg_test_${randomUUID()}`;
  return {
    body,
    headers: {
      "content-type": "application/json",
      ...signWebhook({ id, timestamp: now, body, secrets: signingSecrets(endpoint, now) }),
    },
  };
}
