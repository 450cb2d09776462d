// What an agent works through for each kind of case. The checklist state lives in cases.checklist
// as { [itemKey]: { doneAt, doneBy } }; the items themselves are code, so they can change without
// a migration and every case of a type shows the same list.
export type CaseType =
  "COMPROMISED_ACCOUNT" | "LOST_PHONE" | "UNREQUESTED_CODES" | "CODE_NOT_ARRIVING" | "SCAM_CALL";

export type PlaybookItem = { key: string; label: string };

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  COMPROMISED_ACCOUNT: "Compromised account",
  LOST_PHONE: "Lost or new phone",
  UNREQUESTED_CODES: "Codes the customer did not ask for",
  CODE_NOT_ARRIVING: "Code not arriving",
  SCAM_CALL: "Scam call or message",
};

export const PLAYBOOKS: Record<CaseType, PlaybookItem[]> = {
  COMPROMISED_ACCOUNT: [
    {
      key: "verify-identity",
      label: "Verify the customer's identity (call back the number on file, or a link to the email on file)",
    },
    { key: "review-activity", label: "Review sign-ins, codes sent and risk signals with the customer" },
    { key: "revoke-sessions", label: "End every session" },
    { key: "force-password-reset", label: "Require a new password at next sign-in" },
    { key: "reset-2fa", label: "Reset two-step verification if the attacker changed it" },
    { key: "check-orders", label: "Check recent orders, payment methods and delivery addresses" },
    { key: "notify", label: "Tell the customer what was done and what to watch for" },
    { key: "close", label: "Close the case with an outcome" },
  ],
  LOST_PHONE: [
    { key: "verify-identity", label: "Verify the customer's identity without the lost phone" },
    { key: "revoke-sessions", label: "End sessions on the lost phone" },
    { key: "reset-2fa", label: "Reset the lost phone's sign-in method" },
    {
      key: "guide-enrolment",
      label: "Guide the customer to set up a new method (they choose it; support never sees it)",
    },
    { key: "close", label: "Close the case with an outcome" },
  ],
  UNREQUESTED_CODES: [
    { key: "reassure", label: "Remind the customer never to share the code, with anyone" },
    { key: "review-activity", label: "Check who asked for the codes (addresses, devices, bursts)" },
    { key: "password-change", label: "If the sign-in got past the password, advise a password change" },
    { key: "close", label: "Close the case with an outcome" },
  ],
  CODE_NOT_ARRIVING: [
    {
      key: "check-deliveries",
      label: "Check the code log: sent, delivered or failed, and to which masked destination",
    },
    { key: "check-contact", label: "Confirm the phone number or email on file is current" },
    { key: "alternative", label: "Offer another method (authenticator app, passkey, backup codes)" },
    { key: "close", label: "Close the case with an outcome" },
  ],
  SCAM_CALL: [
    { key: "record-report", label: "Record the scam report (number, script, what was asked, what was lost)" },
    { key: "review-activity", label: "Check for sign-ins and codes around the time of the call" },
    { key: "advise", label: "Advise on next steps (bank, national fraud report)" },
    { key: "close", label: "Close the case with an outcome" },
  ],
};
