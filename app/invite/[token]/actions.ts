"use server";

import { inviteAcceptanceSchema } from "@/lib/auth/schemas";
import { publicAction } from "@/lib/forms/public-action";
import { acceptInvite } from "@/lib/staff/enrolment";

// Authorised by the invitation token itself (single use, 72 h, stored hashed).
export const acceptInvitation = publicAction(
  { schema: inviteAcceptanceSchema, rateLimit: { name: "invite", limit: 20, windowSeconds: 600 } },
  acceptInvite,
);
