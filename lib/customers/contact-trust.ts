// Which of a customer's contact details support may rely on. An account takeover changes the phone
// number or email first, so a contact changed within the risk window is untrusted: support does not
// call it back, does not verify through it, and never sends security notices to it alone. Notices
// go to every contact on file and to the ones replaced in the window, so the real customer hears
// about it on the number or address the attacker took away. Pure over plain rows; tested with
// every change pattern in contact-trust.test.ts.

export type ContactField = "email" | "phone";

export type ContactChangeFact = {
  id: string;
  field: ContactField;
  occurredAt: Date;
  /** Unknown for changes recorded before the desk kept values. */
  previousValue: string | null;
  newValue: string | null;
  ip: string | null;
  deviceId: string | null;
  /** When the device that made the change was first seen signing in (null: never before). */
  deviceFirstSeenAt: Date | null;
  /** Made by support restoring a contact, not by whoever holds the account. */
  byDesk: boolean;
};

export type ContactTrustEntry = {
  field: ContactField;
  current: string | null;
  /** Changes in the window, oldest first. */
  changes: ContactChangeFact[];
  /** Changed in the window and not back to what it was before: support must not rely on it. */
  untrusted: boolean;
  /** What was on file before the window's first change, when it differs from today's value. */
  previous: string | null;
  lastChange: ContactChangeFact | null;
};

export type ContactTrust = {
  windowDays: number;
  email: ContactTrustEntry;
  phone: ContactTrustEntry;
};

export type NoticeRecipients = { emails: string[]; phones: string[] };

function entryFor(
  field: ContactField,
  current: string | null,
  changes: readonly ContactChangeFact[],
): ContactTrustEntry {
  const inWindow = changes
    .filter((change) => change.field === field)
    .toSorted((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const first = inWindow[0];
  const before = first?.previousValue ?? null;
  // Back to the value it had before the window (a mistake undone, or support restoring it): trusted.
  const untrusted = first !== undefined && (before === null || !sameContact(field, before, current));
  return {
    field,
    current,
    changes: inWindow,
    untrusted,
    previous: untrusted && before !== null ? before : null,
    lastChange: inWindow.at(-1) ?? null,
  };
}

export function sameContact(field: ContactField, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return field === "email" ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b;
}

/** `changes`: the email and phone changes inside the window only. */
export function assessContactTrust(input: {
  email: string;
  phone: string | null;
  changes: readonly ContactChangeFact[];
  windowDays: number;
}): ContactTrust {
  return {
    windowDays: input.windowDays,
    email: entryFor("email", input.email, input.changes),
    phone: entryFor("phone", input.phone, input.changes),
  };
}

/**
 * Where a notice about a security action goes: today's contacts and every contact replaced in the
 * window, except a value support itself removed by restoring the one before it (that one was the
 * attacker's). `alsoTo` adds contacts for one notice only: a restore tells the removed one too.
 */
export function noticeRecipients(
  trust: ContactTrust,
  alsoTo: { email?: string | null; phone?: string | null } = {},
): NoticeRecipients {
  const collect = (entry: ContactTrustEntry, extra: string | null | undefined): string[] => {
    const removedByDesk = entry.changes.flatMap((change) =>
      change.byDesk && change.previousValue ? [change.previousValue] : [],
    );
    const candidates = [
      entry.current,
      ...entry.changes.flatMap((change) => [change.previousValue, change.newValue]),
    ].filter(
      (value): value is string =>
        value !== null && !removedByDesk.some((removed) => sameContact(entry.field, removed, value)),
    );
    if (extra) candidates.push(extra);
    const unique: string[] = [];
    for (const value of candidates)
      if (!unique.some((seen) => sameContact(entry.field, seen, value))) unique.push(value);
    return unique;
  };
  return { emails: collect(trust.email, alsoTo.email), phones: collect(trust.phone, alsoTo.phone) };
}

/** "from a device first seen that day", "from a new device", or nothing when it was familiar. */
export function describeChangeDevice(change: ContactChangeFact): string | null {
  if (!change.deviceId) return null;
  if (!change.deviceFirstSeenAt) return "from a device never seen signing in";
  const ageMs = change.occurredAt.getTime() - change.deviceFirstSeenAt.getTime();
  if (ageMs < 86_400_000) return "from a device first seen that day";
  if (ageMs < 7 * 86_400_000) return "from a device first seen that week";
  return null;
}
