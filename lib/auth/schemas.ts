// Input schemas for staff authentication, shared by the forms and the server.
// First, so zod is jitless before any schema below is built (lib/forms/zod-csp.ts says why).
import "@/lib/forms/zod-csp";
import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";

/** Recovery codes as shown to staff (xxxxx-xxxxx); defined here, not beside their generator, so the
 * browser can use it without node:crypto. */
export const RECOVERY_CODE_PATTERN = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;

export const MAX_PASSWORD_LENGTH = 1024; // messages below say "1,024"
export const MIN_PASSWORD_LENGTH = 12;

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "Email addresses can be at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

export const totpCodeField = z
  .string({ error: "Enter the 6-digit code from your authenticator app." })
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app (digits only).");

export const signInSchema = z.object({
  email: emailField,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(MAX_PASSWORD_LENGTH, "Passwords can be at most 1,024 characters."),
  code: z
    .string({ error: "Enter the 6-digit code from your authenticator app." })
    .trim()
    .refine(
      (value) => /^\d{6}$/.test(value) || RECOVERY_CODE_PATTERN.test(value),
      "Enter the 6-digit code from your authenticator app, or one of your recovery codes.",
    ),
});

/** NIST SP 800-63B: length over composition rules; no maximum below 64; block the obvious. */
export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(
    MIN_PASSWORD_LENGTH,
    `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`,
  )
  .max(MAX_PASSWORD_LENGTH, "Passwords can be at most 1,024 characters.")
  .refine(
    (value) => new Set(value).size >= 5,
    "This password is too repetitive. Choose something less predictable.",
  )
  .refine(
    (value) => !/^(password|passw0rd|123456|qwerty|letmein|admin)/i.test(value),
    "This password is too common. Choose something less predictable.",
  );

const enrolmentFields = z.object({
  name: storableString().trim().min(1, "Enter your name.").max(120, "Names can be at most 120 characters."),
  password: newPasswordField,
  confirmPassword: z.string(),
  totpSecret: z.string().regex(/^[A-Z2-7]{32}$/, "The enrolment key is malformed. Reload the page."),
  code: totpCodeField,
});

const passwordsMatch = {
  check: (value: { password: string; confirmPassword: string }) => value.password === value.confirmPassword,
  params: { path: ["confirmPassword"], message: "The two passwords do not match." },
};

/** An invited staff member sets a password and enrols an authenticator. */
export const enrolmentSchema = enrolmentFields.refine(passwordsMatch.check, passwordsMatch.params);

/** The first admin also chooses the email address they sign in with. */
export const firstAdminSchema = enrolmentFields
  .extend({ email: emailField })
  .refine(passwordsMatch.check, passwordsMatch.params);

/** The invitation form posts back the token of its link; the token is what authorises it. */
export const inviteAcceptanceSchema = enrolmentFields
  .extend({
    token: z
      .string({ error: "This invitation link is not valid." })
      .regex(/^[A-Za-z0-9_-]{20,100}$/, "This invitation link is not valid."),
  })
  .refine(passwordsMatch.check, passwordsMatch.params);

export type EnrolmentInput = z.output<typeof enrolmentSchema>;
export type FirstAdminInput = z.output<typeof firstAdminSchema>;
export type InviteAcceptanceInput = z.output<typeof inviteAcceptanceSchema>;

export const stepUpSchema = z.object({ code: totpCodeField });
