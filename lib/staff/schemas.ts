// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { emailField } from "@/lib/auth/schemas";

export const roleField = z.enum(["AGENT", "SUPERVISOR", "ADMIN"], {
  error: "Choose a role: agent, supervisor or admin.",
});

export const reasonField = storableString({ error: "Give a reason; it goes into the audit log." })
  .trim()
  .min(5, "Give a reason of at least 5 characters; it goes into the audit log.")
  .max(500, "Keep the reason under 500 characters.");

export const staffIdField = z.uuid({ error: "Unknown staff member." });

/** A supervisor's answer to a request that waits for a second person (2FA reset, contact restore). */
export const approvalDecisionFields = {
  decision: z.enum(["approve", "reject"], { error: "Approve or reject." }),
  note: storableString()
    .trim()
    .max(500, "Keep the note under 500 characters.")
    .optional()
    .transform((value) => value || undefined),
};

export const inviteSchema = z.object({
  email: emailField,
  name: storableString()
    .trim()
    .min(1, "Enter the person's name.")
    .max(120, "Names can be at most 120 characters."),
  role: roleField,
  reason: reasonField,
});

/** Revoking or resending a pending invitation. */
export const inviteDecisionSchema = z.object({
  inviteId: z.uuid({ error: "Unknown invitation." }),
  reason: reasonField,
});

export const changeRoleSchema = z.object({ staffId: staffIdField, role: roleField, reason: reasonField });
export const staffReasonSchema = z.object({ staffId: staffIdField, reason: reasonField });
/** One form for both directions, so it (and its result message) stays mounted as the status flips. */
export const staffActiveSchema = staffReasonSchema.extend({
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});
/** Ending one of your own sessions from the account page. */
export const revokeSessionSchema = z.object({ sessionId: z.uuid({ error: "Unknown session." }) });

/** The Staff page's sign-in policy form: checkboxes send "on" when ticked and nothing when not. */
const ticked = z
  .literal("on", { error: "Tick the box or leave it empty." })
  .optional()
  .transform((value) => value === "on");

export const signInPolicySchema = z.object({
  requireAgents: ticked,
  requireSupervisors: ticked,
  requireAdmins: ticked,
  passwordSignInDisabled: ticked,
  breakGlassStaffId: z
    .union([z.literal(""), staffIdField])
    .optional()
    .transform((value) => value || null),
  reason: reasonField,
});
