// Where a confirmation request may go. Only to a contact the real customer still holds: today's
// email or phone when it was not changed in the risk window, or the one that was replaced in it
// (an attacker who took over the account changes the contact first, so the replaced one is the
// customer's). A contact changed in the window is listed with the reason it is not offered.
// Pure over the trust assessment (lib/customers/contact-trust.ts).
import type { ContactTrust, ContactTrustEntry } from "@/lib/customers/contact-trust";
import { maskDestination } from "@/lib/customers/masking";
import type { ContactChoice } from "./schemas";

export type VerificationContact = {
  choice: ContactChoice;
  channel: "EMAIL" | "SMS" | "APP";
  /** The value itself: server-side only, never sent to the browser. */
  destination: string;
  /** What staff see: "p•••@example.com", "+44 ••• 456". */
  masked: string;
  /** Why it cannot be used; null when it can. */
  refusal: string | null;
};

function changedOn(entry: ContactTrustEntry): string {
  return entry.lastChange ? entry.lastChange.occurredAt.toISOString().slice(0, 10) : "recently";
}

/**
 * `appPrompts`: a connected identity system takes caller-verification prompts for its app (listed
 * first: the customer answers on the device they sign in with, and no link can be forwarded).
 */
export function verificationContacts(trust: ContactTrust, appPrompts = false): VerificationContact[] {
  const contacts: VerificationContact[] = appPrompts
    ? [{ choice: "app", channel: "APP", destination: "", masked: "the customer's app", refusal: null }]
    : [];
  const add = (entry: ContactTrustEntry, channel: "EMAIL" | "SMS", kind: "email" | "phone") => {
    if (entry.current) {
      contacts.push({
        choice: kind,
        channel,
        destination: entry.current,
        masked: maskDestination(entry.current),
        refusal: entry.untrusted
          ? `Changed on ${changedOn(entry)}: it may be the attacker's, so a "yes" from it proves nothing.`
          : null,
      });
    }
    if (entry.previous) {
      contacts.push({
        choice: kind === "email" ? "previous-email" : "previous-phone",
        channel,
        destination: entry.previous,
        masked: maskDestination(entry.previous),
        refusal: null,
      });
    }
  };
  add(trust.email, "EMAIL", "email");
  add(trust.phone, "SMS", "phone");
  return contacts;
}

/** The contact a form named, if it may be used now; otherwise why not. */
export function resolveVerificationContact(
  trust: ContactTrust,
  choice: ContactChoice,
  appPrompts = false,
): { contact: VerificationContact } | { refusal: string } {
  const contact = verificationContacts(trust, appPrompts).find((candidate) => candidate.choice === choice);
  if (!contact)
    return {
      refusal:
        choice === "app"
          ? "No connected identity system takes prompts for the customer's app: choose a contact."
          : choice.startsWith("previous")
            ? "No contact of that kind was replaced recently: choose one of the contacts listed."
            : "The customer has no contact of that kind on file.",
    };
  return contact.refusal ? { refusal: contact.refusal } : { contact };
}
