"use server";

import { headers } from "next/headers";
import { errorState, okState, type ActionState } from "@/lib/forms/action-state";
import { clientIp } from "@/lib/http/client-ip";
import { readNotMeToken } from "@/lib/notifications/not-me-token";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { reportResetNotMe } from "@/lib/resets/not-me";

// Public: authorised by the signed link itself (an HMAC of the reset id).
export async function confirmNotMe(token: string, _state: ActionState, _formData: FormData): Promise<ActionState> {
  const resetId = typeof token === "string" ? readNotMeToken(token) : null;
  if (!resetId) return errorState("This link is not valid. Call us on the number on our website.");
  const ip = clientIp(await headers());
  if (!(await hitRateLimit({ name: "not-me", limit: 20, windowSeconds: 600 }, ip)).allowed) return errorState("Too many attempts. Try again in a few minutes.");
  const result = await reportResetNotMe(resetId, ip);
  return result.ok ? okState("Thank you. We have locked down your account and our team will contact you.") : errorState("This link is not valid. Call us on the number on our website.");
}
