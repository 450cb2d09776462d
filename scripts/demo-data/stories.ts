// The stories a support agent meets in the demo data, with fixed identities so that end-to-end
// tests, docs and the terminal can name them. Everything here is plain data: no database access,
// cheap to import from Playwright specs.
//
// Times are offsets before "now" (the moment the seed ran), so the stories are always recent:
// an agent opening the console after `npm run dev` sees them in the last three days.
//
// Contact details are fictional by construction: UK numbers from Ofcom's drama ranges
// (07700 900xxx, 020 7946 0xxx, 0113 496 0xxx), emails at example.com/.net/.org, and attacker
// addresses from the documentation ranges 198.51.100.0/24 and 203.0.113.0/24 (RFC 5737).
// Note: libphonenumber reports 07700 900xxx as "possible" but not "valid" (the range is reserved),
// so phone search must accept possible numbers for the stories to be findable by phone.

export const MINUTES = 60_000;
export const HOURS = 60 * MINUTES;
export const DAYS = 24 * HOURS;

// ---------------------------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------------------------

export type DemoStaffKey = "admin" | "supervisor" | "agent" | "agent2";

export type DemoStaff = {
  email: string;
  name: string;
  role: "ADMIN" | "SUPERVISOR" | "AGENT";
  timeZone: string;
  /** Demo-only password: printed in development, used by tests. Never reuse outside the demo. */
  password: string;
  /** Base32 TOTP secret (20 bytes): type it into an authenticator app as a manual key. */
  totpSecret: string;
};

export const DEMO_STAFF: Record<DemoStaffKey, DemoStaff> = {
  admin: {
    email: "admin@desk.example",
    name: "Alex Morgan",
    role: "ADMIN",
    timeZone: "Europe/London",
    password: "demo-admin-passphrase-2026",
    totpSecret: "4IV5QV66UXPWE2VEZX662I2SK5SKQZ74",
  },
  supervisor: {
    email: "supervisor@desk.example",
    name: "Sam Rivera",
    role: "SUPERVISOR",
    timeZone: "Europe/London",
    password: "demo-supervisor-passphrase-2026",
    totpSecret: "FZCL5UO6OC57OPY2RCFLBRYCYH74AGAE",
  },
  agent: {
    email: "agent@desk.example",
    name: "Jordan Lee",
    role: "AGENT",
    timeZone: "Europe/London",
    password: "demo-agent-passphrase-2026",
    totpSecret: "UKSLENB5I5RYFYFG6SUXLYZ7ZPLVZ5AU",
  },
  // A second agent, so tests can show that one agent cannot act on another's behalf.
  agent2: {
    email: "agent2@desk.example",
    name: "Casey Brooks",
    role: "AGENT",
    timeZone: "Europe/Dublin",
    password: "demo-agent2-passphrase-2026",
    totpSecret: "TZZTKRWW2GOJAYDUOIAPXW32V7RJIMSY",
  },
};

// ---------------------------------------------------------------------------------------------
// Customers at the centre of a story
// ---------------------------------------------------------------------------------------------

export type StoryCustomerKey =
  | "otpBombing"
  | "takeover"
  | "unrequestedCode"
  | "mistypedBy"
  | "mistypedRecipient"
  | "lostPhone"
  | "scamVictim"
  | "codeNotArriving"
  | "pastTakeover"
  | "lowRisk";

export type StoryCustomer = {
  externalId: string;
  fullName: string;
  email: string;
  /** E.164, as stored on the account now. */
  phone: string;
  /** The same number as a customer would say or type it. */
  phoneAsTyped: string;
  city: string;
  /** Second factors on file before the story. */
  factors: readonly ("SMS" | "EMAIL" | "AUTHENTICATOR_APP" | "PASSKEY")[];
  /** Everyday devices (labels of the device catalogue in reference-data.ts). */
  devices: readonly string[];
};

export const STORY_CUSTOMERS: Record<StoryCustomerKey, StoryCustomer> = {
  // (b) OTP bombing: dozens of sign-in codes in minutes, none used, from an address she never used.
  otpBombing: {
    externalId: "cus_RW5DZEFHP60W",
    fullName: "Olivia Bennett",
    email: "olivia.bennett@example.com",
    phone: "+447700900123",
    phoneAsTyped: "07700 900123",
    city: "London",
    factors: ["SMS"],
    devices: ["iPhone 15 · Safari", "MacBook · Safari"],
  },
  // (c) SIM-swap-style takeover after a scam call: see TAKEOVER for the timeline.
  takeover: {
    externalId: "cus_3MFGYHBZE4YD",
    fullName: "Marcus Reid",
    email: "marcus.reid@example.com",
    // The attacker's number: the account's phone was changed during the takeover.
    phone: "+447700900666",
    phoneAsTyped: "07700 900666",
    city: "Manchester",
    factors: ["SMS", "EMAIL"],
    devices: ["iPhone 13 · Safari", "Windows PC · Edge"],
  },
  // (d) A single code she did not ask for, requested from an address abroad.
  unrequestedCode: {
    externalId: "cus_YHQGY6Q501PW",
    fullName: "Priya Shah",
    email: "priya.shah@example.net",
    phone: "+447700900234",
    phoneAsTyped: "07700 900234",
    city: "Leicester",
    factors: ["SMS"],
    devices: ["Samsung Galaxy S24 · Samsung Internet"],
  },
  // (d) Tom swapped two digits of his own number, so a code went to Aisha; he then typed it right.
  mistypedBy: {
    externalId: "cus_TR48F4Y166GY",
    fullName: "Tom Hughes",
    email: "tom.hughes@example.org",
    phone: "+447700900345",
    phoneAsTyped: "07700 900345",
    city: "Leeds",
    factors: ["SMS"],
    devices: ["Pixel 8 · Chrome"],
  },
  mistypedRecipient: {
    externalId: "cus_TCPVW972MQKF",
    fullName: "Aisha Rahman",
    email: "aisha.rahman@example.com",
    phone: "+447700900354",
    phoneAsTyped: "07700 900354",
    city: "Birmingham",
    factors: ["SMS", "PASSKEY"],
    devices: ["iPhone 15 · Safari"],
  },
  // (f) Lost phone: codes to her SMS factor fail; she signs in from a new phone; open LOST_PHONE case.
  lostPhone: {
    externalId: "cus_AQT2GK56K28G",
    fullName: "Fiona MacLeod",
    email: "fiona.macleod@example.com",
    phone: "+447700900678",
    phoneAsTyped: "07700 900678",
    city: "Edinburgh",
    factors: ["SMS"],
    devices: ["iPhone 13 · Safari"],
  },
  // (e) Paid a fake "representative" in gift cards; reported to staff; open SCAM_CALL case.
  scamVictim: {
    externalId: "cus_SX6E2JPRHK1S",
    fullName: "Margaret Collins",
    email: "margaret.collins@example.org",
    phone: "+447700900567",
    phoneAsTyped: "07700 900567",
    city: "Norwich",
    factors: ["SMS"],
    devices: ["iPad · Safari"],
  },
  // (g) Codes by SMS stopped arriving (no delivery receipts); case waiting on the customer.
  codeNotArriving: {
    externalId: "cus_CPJJE1SJFM76",
    fullName: "Ben Carter",
    email: "ben.carter@example.net",
    phone: "+447700900890",
    phoneAsTyped: "07700 900890",
    city: "Cardiff",
    factors: ["SMS", "EMAIL"],
    devices: ["Samsung Galaxy A54 · Chrome", "Windows PC · Chrome"],
  },
  // (g) An account taken over last season; the case is closed with an outcome.
  pastTakeover: {
    externalId: "cus_2M0E31SQN01S",
    fullName: "Ian Fletcher",
    email: "ian.fletcher@example.com",
    phone: "+447700900901",
    phoneAsTyped: "07700 900901",
    city: "York",
    factors: ["SMS", "AUTHENTICATOR_APP"],
    devices: ["iPhone 15 · Safari", "MacBook · Chrome"],
  },
  // Nothing unusual in months: a 2FA reset for her needs no second approver.
  lowRisk: {
    externalId: "cus_KC1X4N9DZBSS",
    fullName: "Grace Whitfield",
    email: "grace.whitfield@example.com",
    phone: "+447700900789",
    phoneAsTyped: "07700 900789",
    city: "Bristol",
    factors: ["SMS", "AUTHENTICATOR_APP"],
    devices: ["iPhone 15 · Safari", "MacBook · Safari"],
  },
};

/** Last ordinary activity of story customers: their incidents all come after it. */
export const STORY_QUIET_BEFORE = 4 * DAYS;

// ---------------------------------------------------------------------------------------------
// Incident details
// ---------------------------------------------------------------------------------------------

/** (a) Credential stuffing: a bot tries breached email/password pairs from one /24. */
export const CREDENTIAL_STUFFING = {
  network: "203.0.113.0/24",
  ips: ["203.0.113.17", "203.0.113.18", "203.0.113.45", "203.0.113.46", "203.0.113.101"],
  country: "NL",
  city: "Amsterdam",
  startsAgo: 27 * HOURS,
  span: 52 * MINUTES,
  attempts: 480,
  /** Tries per address before the rate limit answers BLOCKED. */
  allowedPerIp: 40,
  /** Identifiers tried that exist here; the rest name no account (customer_id null). */
  knownAccounts: 260,
  /** Accounts whose breached password was right: a code was sent, and the bot got no further. */
  passwordMatches: 3,
} as const;

/** (b) OTP bombing of Olivia Bennett's phone. */
export const OTP_BOMBING = {
  customer: "otpBombing",
  ip: "198.51.100.23",
  country: "DE",
  city: "Frankfurt am Main",
  userAgent:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  startsAgo: 3 * HOURS + 10 * MINUTES,
  /** Sign-in codes sent in the burst (none used), then requests refused by the rate limit. */
  codes: 36,
  codeInterval: 20_000,
  blockedAfter: 6,
} as const;

/** (c) Takeover of Marcus Reid's account after a fake "fraud team" call. */
export const TAKEOVER = {
  customer: "takeover",
  originalPhone: "+447700900456",
  attackerPhone: "+447700900666",
  /** The attacker's sign-in with the code the customer read out (minutes after the call). */
  signInAgo: 46 * HOURS,
  scamCallBefore: 25 * MINUTES,
  callerNumber: "+442079460123",
  ip: "198.51.100.66",
  country: "US",
  city: "Ashburn",
  lat: 39.0438,
  lon: -77.4874,
  deviceLabel: "Windows PC · Chrome",
  userAgent:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  /** Minutes after the sign-in: password changed, phone changed, a paid order. */
  passwordChangedAfter: 3 * MINUTES,
  phoneChangedAfter: 6 * MINUTES,
  paymentAfter: 11 * MINUTES,
  /** The customer's own failed sign-ins (his password no longer works), then his report. */
  customerLockedOutAfter: 19 * HOURS,
  reportedAfter: 20 * HOURS,
} as const;

/** (d) Priya Shah's unrequested code. */
export const UNREQUESTED_CODE = {
  customer: "unrequestedCode",
  ip: "198.51.100.77",
  country: "FR",
  city: "Paris",
  userAgent:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36",
  sentAgo: 5 * HOURS + 10 * MINUTES,
} as const;

/** (d) Tom Hughes typed Aisha Rahman's number (last two digits swapped). */
export const MISTYPED_NUMBER = {
  typedBy: "mistypedBy",
  recipient: "mistypedRecipient",
  typedNumber: "+447700900354",
  sentAgo: 30 * HOURS,
} as const;

/** (f) Fiona MacLeod's lost phone. */
export const LOST_PHONE = {
  customer: "lostPhone",
  newDeviceLabel: "iPhone 15 · Safari",
  firstFailureAgo: 20 * HOURS,
  failedDeliveries: 5,
} as const;

// ---------------------------------------------------------------------------------------------
// Scam-call reports (e) and cases (g)
// ---------------------------------------------------------------------------------------------

export type ScamAsk =
  | "ONE_TIME_CODE"
  | "PASSWORD"
  | "CARD_OR_BANK_DETAILS"
  | "GIFT_CARDS"
  | "REMOTE_ACCESS_APP"
  | "PERSONAL_DETAILS"
  | "MONEY_TRANSFER";

export type StoryScamReport = {
  reference: string;
  source: "PUBLIC_FORM" | "STAFF";
  status: "NEW" | "TRIAGED" | "ESCALATED" | "CLOSED";
  channel: "CALL" | "TEXT" | "EMAIL" | "OTHER";
  contactRaw: string | null;
  contactNumberE164: string | null;
  claimedOrganisation: string | null;
  claimedRole: string | null;
  claimedName: string | null;
  contactedAgo: number;
  /** How long after the contact the report was made. */
  reportedAfter: number;
  asks: readonly ScamAsk[];
  sharedSomething: boolean;
  moneyLostCents: number | null;
  currency: string | null;
  paymentMethod: string | null;
  story: string;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  customerEmail: string | null;
  customer: StoryCustomerKey | null;
  caseKey: StoryCaseKey | null;
  assignee: DemoStaffKey | null;
  recordedBy: DemoStaffKey | null;
};

/** Numbers reported again and again: the watchlist forms from these. */
export const WATCHLIST_NUMBERS = {
  fakeSecurityTeam: "+442079460123",
  fakeCourier: "+441134960456",
  fakeBank: "+447700900777",
} as const;

const fakeTeam = WATCHLIST_NUMBERS.fakeSecurityTeam;
const fakeCourier = WATCHLIST_NUMBERS.fakeCourier;
const fakeBank = WATCHLIST_NUMBERS.fakeBank;

const report = (
  fields: Partial<StoryScamReport> &
    Pick<StoryScamReport, "reference" | "source" | "channel" | "contactedAgo" | "asks" | "story">,
): StoryScamReport => ({
  status: "NEW",
  contactRaw: null,
  contactNumberE164: null,
  claimedOrganisation: null,
  claimedRole: null,
  claimedName: null,
  reportedAfter: 2 * HOURS,
  sharedSomething: false,
  moneyLostCents: null,
  currency: null,
  paymentMethod: null,
  reporterName: null,
  reporterEmail: null,
  reporterPhone: null,
  customerEmail: null,
  customer: null,
  caseKey: null,
  assignee: null,
  recordedBy: null,
  ...fields,
});

export const SCAM_REPORTS: readonly StoryScamReport[] = [
  // The call that preceded Marcus Reid's takeover; he reported it by phone the next day.
  report({
    reference: "SR-H4X9-175T",
    source: "STAFF",
    channel: "CALL",
    contactRaw: "020 7946 0123",
    contactNumberE164: fakeTeam,
    claimedOrganisation: "Account security team",
    claimedRole: "Fraud advisor",
    claimedName: "Daniel",
    contactedAgo: TAKEOVER.signInAgo + TAKEOVER.scamCallBefore,
    reportedAfter: TAKEOVER.scamCallBefore + TAKEOVER.reportedAfter,
    asks: ["ONE_TIME_CODE", "PERSONAL_DETAILS"],
    sharedSomething: true,
    story:
      "Caller said someone was trying to buy a laptop on my account and he needed to cancel it. He knew my name and address. " +
      "A code came by text and he asked me to read it out to 'confirm it was me'. I did. Next morning my password did not work.",
    customer: "takeover",
    customerEmail: "marcus.reid@example.com",
    recordedBy: "agent",
  }),
  report({
    reference: "SR-S46J-AG7K",
    source: "PUBLIC_FORM",
    channel: "CALL",
    contactRaw: "+44 20 7946 0123",
    contactNumberE164: fakeTeam,
    claimedOrganisation: "Account security team",
    claimedRole: "Security department",
    contactedAgo: 3 * DAYS,
    reportedAfter: 40 * MINUTES,
    asks: ["ONE_TIME_CODE"],
    story:
      "Said my account was hacked and they were 'securing' it. Asked for the code they were about to text me. I hung up and did not give it.",
    reporterName: "R. Thompson",
    reporterEmail: "r.thompson@example.net",
  }),
  report({
    reference: "SR-QHGD-56FD",
    source: "PUBLIC_FORM",
    status: "TRIAGED",
    channel: "CALL",
    contactRaw: "02079460123",
    contactNumberE164: fakeTeam,
    claimedOrganisation: "Account security team",
    contactedAgo: 6 * DAYS,
    reportedAfter: 3 * HOURS,
    asks: ["ONE_TIME_CODE", "PASSWORD"],
    story:
      "Very convincing, had a call-centre noise in the background. Wanted my password 'to verify' and then the code. I refused.",
    assignee: "agent",
  }),
  report({
    reference: "SR-JD2D-GBZ9",
    source: "STAFF",
    status: "TRIAGED",
    channel: "CALL",
    contactRaw: "020 7946 0123",
    contactNumberE164: fakeTeam,
    claimedOrganisation: "Account security team",
    claimedName: "Sarah",
    contactedAgo: 9 * DAYS,
    reportedAfter: 1 * HOURS,
    asks: ["ONE_TIME_CODE", "REMOTE_ACCESS_APP"],
    story:
      "Customer called us to check: the caller asked her to install a screen-sharing app so they could 'remove the hacker'. She did not install it.",
    recordedBy: "agent2",
    assignee: "supervisor",
  }),
  report({
    reference: "SR-ZZ3J-606V",
    source: "PUBLIC_FORM",
    channel: "TEXT",
    contactRaw: "020 7946 0123",
    contactNumberE164: fakeTeam,
    claimedOrganisation: "Account security team",
    contactedAgo: 14 * HOURS,
    reportedAfter: 20 * MINUTES,
    asks: ["ONE_TIME_CODE"],
    story:
      "Text said: 'We will call you shortly about an unusual sign-in. Please have your verification code ready.' Then the call came from the same number.",
  }),
  report({
    reference: "SR-DQYK-1AMZ",
    source: "PUBLIC_FORM",
    status: "ESCALATED",
    channel: "CALL",
    contactRaw: "0113 496 0456",
    contactNumberE164: fakeCourier,
    claimedOrganisation: "Parcel delivery partner",
    claimedRole: "Driver",
    contactedAgo: 2 * DAYS + 5 * HOURS,
    asks: ["CARD_OR_BANK_DETAILS"],
    sharedSomething: true,
    moneyLostCents: 8_999,
    currency: "GBP",
    paymentMethod: "Debit card",
    story:
      "Said my parcel could not be delivered without a £1.45 redelivery fee and took my card number. £89.99 went out the same evening.",
    reporterName: "Ellie Ward",
    reporterEmail: "ellie.ward@example.org",
    assignee: "supervisor",
  }),
  report({
    reference: "SR-Y7NE-1TG6",
    source: "PUBLIC_FORM",
    channel: "CALL",
    contactRaw: "01134960456",
    contactNumberE164: fakeCourier,
    claimedOrganisation: "Parcel delivery partner",
    contactedAgo: 4 * DAYS,
    asks: ["CARD_OR_BANK_DETAILS", "PERSONAL_DETAILS"],
    story:
      "Courier 'couldn't find the address' and wanted my date of birth and card details to rebook. I was not expecting anything.",
  }),
  report({
    reference: "SR-YHY3-BQJK",
    source: "STAFF",
    status: "CLOSED",
    channel: "CALL",
    contactRaw: "0113 496 0456",
    contactNumberE164: fakeCourier,
    claimedOrganisation: "Parcel delivery partner",
    contactedAgo: 12 * DAYS,
    asks: ["CARD_OR_BANK_DETAILS"],
    story: "Customer asked whether our couriers take payment by phone. Told them no; nothing was shared.",
    recordedBy: "agent",
    assignee: "agent",
  }),
  report({
    reference: "SR-9BH3-P50X",
    source: "STAFF",
    status: "ESCALATED",
    channel: "CALL",
    contactRaw: "07700 900777",
    contactNumberE164: fakeBank,
    claimedOrganisation: "Bank fraud department",
    claimedRole: "Fraud investigator",
    claimedName: "Mr Harris",
    contactedAgo: 5 * DAYS,
    reportedAfter: 1 * DAYS,
    asks: ["MONEY_TRANSFER", "ONE_TIME_CODE"],
    sharedSomething: true,
    moneyLostCents: 125_000,
    currency: "GBP",
    paymentMethod: "Bank transfer",
    story:
      "Told her that shop staff were in on a fraud and she must move her savings to a 'safe account'. She transferred £1,250 and read out a payment code.",
    recordedBy: "supervisor",
    assignee: "supervisor",
  }),
  report({
    reference: "SR-YHY3-BQJ0",
    source: "PUBLIC_FORM",
    channel: "CALL",
    contactRaw: "+447700900777",
    contactNumberE164: fakeBank,
    claimedOrganisation: "Bank fraud department",
    contactedAgo: 20 * HOURS,
    asks: ["MONEY_TRANSFER"],
    story: "Same 'safe account' story my neighbour fell for. I hung up.",
  }),
  // Margaret Collins: gift cards, recorded by an agent, linked to her SCAM_CALL case.
  report({
    reference: "SR-T4M4-VD5Q",
    source: "STAFF",
    status: "TRIAGED",
    channel: "CALL",
    contactRaw: "0207 946 0987",
    contactNumberE164: "+442079460987",
    claimedOrganisation: "Customer refunds team",
    claimedName: "Kevin",
    contactedAgo: 4 * DAYS,
    reportedAfter: 4 * HOURS,
    asks: ["GIFT_CARDS", "PERSONAL_DETAILS"],
    sharedSomething: true,
    moneyLostCents: 30_000,
    currency: "GBP",
    paymentMethod: "Gift cards",
    story:
      "Caller said she had been over-refunded £300 by mistake and must pay it back with gift cards from the corner shop, reading the numbers over the phone.",
    customer: "scamVictim",
    customerEmail: "margaret.collins@example.org",
    caseKey: "scamCall",
    recordedBy: "agent",
    assignee: "agent",
  }),
  report({
    reference: "SR-WJQ3-47T3",
    source: "PUBLIC_FORM",
    channel: "EMAIL",
    contactRaw: "security-alerts@shop-verify.example.net",
    claimedOrganisation: "Account security team",
    contactedAgo: 1 * DAYS + 3 * HOURS,
    asks: ["PASSWORD", "ONE_TIME_CODE"],
    story:
      "Email with a link to 'confirm your account'. The page asked for my password and then the code I got by text. I closed it.",
  }),
  report({
    reference: "SR-P5HM-THP0",
    source: "PUBLIC_FORM",
    status: "CLOSED",
    channel: "TEXT",
    contactRaw: "07700 900432",
    contactNumberE164: "+447700900432",
    claimedOrganisation: "Parcel delivery partner",
    contactedAgo: 16 * DAYS,
    asks: ["CARD_OR_BANK_DETAILS"],
    story: "Text about a missed parcel with a link to pay a fee.",
  }),
  report({
    reference: "SR-TNTD-EYRE",
    source: "PUBLIC_FORM",
    channel: "CALL",
    contactRaw: "Withheld",
    claimedOrganisation: "Broadband provider",
    claimedRole: "Technical support",
    contactedAgo: 2 * DAYS + 20 * HOURS,
    asks: ["REMOTE_ACCESS_APP"],
    story:
      "Said my internet was being used by hackers to attack the shop and I had to install a remote access app. I did not.",
    reporterPhone: "+447700900512",
  }),
];

export type StoryCaseKey =
  "lostPhone" | "unrequestedCode" | "mistypedNumber" | "codeNotArriving" | "scamCall" | "pastTakeover";

export type StoryCase = {
  customer: StoryCustomerKey;
  type: "COMPROMISED_ACCOUNT" | "LOST_PHONE" | "UNREQUESTED_CODES" | "CODE_NOT_ARRIVING" | "SCAM_CALL";
  status: "OPEN" | "IN_PROGRESS" | "WAITING_ON_CUSTOMER" | "CLOSED";
  subject: string;
  assignee: DemoStaffKey | null;
  openedBy: DemoStaffKey;
  openedAgo: number;
  closedAgo: number | null;
  outcome: string | null;
  notes: readonly {
    author: DemoStaffKey | null;
    ago: number;
    kind: "NOTE" | "STATUS_CHANGE" | "SYSTEM";
    body: string;
  }[];
};

export const STORY_CASES: Record<StoryCaseKey, StoryCase> = {
  lostPhone: {
    customer: "lostPhone",
    type: "LOST_PHONE",
    status: "IN_PROGRESS",
    subject: "Lost phone on the train: codes cannot reach her",
    assignee: "agent",
    openedBy: "agent",
    openedAgo: 18 * HOURS,
    closedAgo: null,
    outcome: null,
    notes: [
      {
        author: "agent",
        ago: 18 * HOURS,
        kind: "NOTE",
        body: "Customer called from her partner's phone. Lost her phone on the train yesterday; replacement SIM arrives in two days. Codes to her number fail.",
      },
      { author: "agent", ago: 17 * HOURS + 40 * MINUTES, kind: "STATUS_CHANGE", body: "Open → In progress" },
      {
        author: "agent",
        ago: 17 * HOURS + 30 * MINUTES,
        kind: "NOTE",
        body: "Sent a verification link to the email on file; waiting for her to confirm before any change to her factors. The old phone still has a live session.",
      },
    ],
  },
  unrequestedCode: {
    customer: "unrequestedCode",
    type: "UNREQUESTED_CODES",
    status: "OPEN",
    subject: "Got a sign-in code she did not ask for",
    assignee: null,
    openedBy: "agent2",
    openedAgo: 4 * HOURS,
    closedAgo: null,
    outcome: null,
    notes: [
      {
        author: "agent2",
        ago: 4 * HOURS,
        kind: "NOTE",
        body: "Customer received a sign-in code by text around lunchtime and did not share it. Asked whether someone is in her account.",
      },
    ],
  },
  mistypedNumber: {
    customer: "mistypedRecipient",
    type: "UNREQUESTED_CODES",
    status: "CLOSED",
    subject: "Unexpected sign-in code by text",
    assignee: "supervisor",
    openedBy: "supervisor",
    openedAgo: 26 * HOURS,
    closedAgo: 25 * HOURS,
    outcome:
      "Another customer typed this number by mistake (two digits swapped) and then signed in to their own account. No access to this account; nothing to do.",
    notes: [
      {
        author: "supervisor",
        ago: 26 * HOURS,
        kind: "NOTE",
        body: "Customer got a code she did not ask for. The request came from a device and address that belong to another customer, who corrected the number a minute later.",
      },
      { author: "supervisor", ago: 25 * HOURS, kind: "STATUS_CHANGE", body: "Open → Closed" },
    ],
  },
  codeNotArriving: {
    customer: "codeNotArriving",
    type: "CODE_NOT_ARRIVING",
    status: "WAITING_ON_CUSTOMER",
    subject: "Sign-in texts not arriving since changing network",
    assignee: "supervisor",
    openedBy: "agent",
    openedAgo: 40 * HOURS,
    closedAgo: null,
    outcome: null,
    notes: [
      {
        author: "agent",
        ago: 40 * HOURS,
        kind: "NOTE",
        body: "Texts show as sent but never delivered since he moved his number to a new network. He signed in with an email code meanwhile.",
      },
      {
        author: "supervisor",
        ago: 38 * HOURS,
        kind: "STATUS_CHANGE",
        body: "In progress → Waiting on customer",
      },
      {
        author: "supervisor",
        ago: 38 * HOURS,
        kind: "NOTE",
        body: "Asked him to check whether his new network blocks short-code texts, and to reply.",
      },
    ],
  },
  scamCall: {
    customer: "scamVictim",
    type: "SCAM_CALL",
    status: "OPEN",
    subject: "Paid £300 in gift cards to a fake refunds caller",
    assignee: "agent",
    openedBy: "agent",
    openedAgo: 3 * DAYS + 20 * HOURS,
    closedAgo: null,
    outcome: null,
    notes: [
      {
        author: "agent",
        ago: 3 * DAYS + 20 * HOURS,
        kind: "NOTE",
        body: "Scam report SR-T4M4-VD5Q taken by phone. No account access was given; advised her to contact her bank and the police fraud line.",
      },
    ],
  },
  pastTakeover: {
    customer: "pastTakeover",
    type: "COMPROMISED_ACCOUNT",
    status: "CLOSED",
    subject: "Orders he did not place",
    assignee: "agent",
    openedBy: "agent",
    openedAgo: 41 * DAYS,
    closedAgo: 38 * DAYS,
    outcome:
      "Password reset, all sessions revoked, two orders cancelled and refunded. Authenticator app added.",
    notes: [
      {
        author: "agent",
        ago: 41 * DAYS,
        kind: "NOTE",
        body: "Two orders to an address in another city. Customer had reused his password on a forum that was breached.",
      },
      { author: null, ago: 41 * DAYS - 30 * MINUTES, kind: "SYSTEM", body: "All sessions revoked." },
      { author: "agent", ago: 38 * DAYS, kind: "STATUS_CHANGE", body: "In progress → Closed" },
    ],
  },
};
