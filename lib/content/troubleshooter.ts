// The "my code isn't working" troubleshooter: a decision tree. Every node is its own static page
// (/help/troubleshooter/<id>), so it works as plain linked questions without JavaScript. Each
// branch ends in a specific fix and the article (and section) that explains it.
// lib/content/troubleshooter.test.ts checks the tree: every answer leads somewhere, every node is
// reachable, there are no loops, and every article and section it links to exists.
import { brand } from "./brand";

export type Answer = { label: string; next: string };

export type QuestionNode = {
  kind: "question";
  id: string;
  question: string;
  hint?: string;
  answers: Answer[];
};

export type FixNode = {
  kind: "fix";
  id: string;
  title: string;
  steps: string[];
  article: { slug: string; anchor?: string; label: string };
};

export type TroubleshooterNode = QuestionNode | FixNode;

export const TROUBLESHOOTER_START = "start";
export const troubleshooterStartPath = "/help/troubleshooter";

const question = (id: string, text: string, answers: Answer[], hint?: string): QuestionNode => ({
  kind: "question",
  id,
  question: text,
  answers,
  ...(hint ? { hint } : {}),
});

const fix = (id: string, title: string, steps: string[], article: FixNode["article"]): FixNode => ({
  kind: "fix",
  id,
  title,
  steps,
  article,
});

const nodes: TroubleshooterNode[] = [
  question(TROUBLESHOOTER_START, "What is going wrong with your code?", [
    { label: "The code never arrived", next: "not-arrived" },
    { label: "The screen says the code is wrong", next: "wrong-code" },
    { label: "The screen says the code has expired", next: "fix-expired" },
    { label: "My authenticator app’s codes don’t work", next: "app-clock" },
    { label: "It says “too many attempts” or my account is locked", next: "fix-locked" },
    { label: "Someone is asking me for my code", next: "fix-someone-asking" },
    { label: "I got a code I didn’t ask for", next: "fix-unexpected-code" },
  ]),

  question("not-arrived", "How should the code reach you?", [
    { label: "By text message", next: "text-number" },
    { label: "By email", next: "email-folders" },
    { label: "It’s a delivery code for a parcel", next: "fix-delivery-code" },
    { label: "I’m not sure", next: "fix-check-method" },
  ]),
  question("text-number", "Is the phone number on your account still yours?", [
    { label: "Yes, it’s my current number", next: "text-signal" },
    { label: "No, I changed my number", next: "fix-wrong-contact" },
    { label: "I lost my phone or got a new one", next: "fix-lost-phone" },
  ]),
  question("text-signal", "Do you have a good mobile signal right now?", [
    { label: "No, or I’m abroad", next: "fix-weak-connection" },
    { label: "Yes, I have a signal", next: "fix-delayed-message" },
  ]),
  question("email-folders", "Have you looked in your spam, junk and other folders?", [
    { label: "Not yet", next: "fix-email-spam" },
    { label: "Yes, and it isn’t there", next: "email-address" },
  ]),
  question("email-address", "Is the email address on your account one you still use?", [
    { label: "Yes", next: "fix-delayed-email" },
    { label: "No, or I’m not sure", next: "fix-old-email" },
  ]),

  question("wrong-code", "How did you enter the code?", [
    { label: "I typed it in by hand", next: "fix-typo" },
    { label: "I asked for more than one code", next: "fix-use-newest" },
    { label: "My phone filled it in for me", next: "fix-autofill" },
    { label: "I copied it with care from the newest message", next: "code-source" },
  ]),
  question(
    "code-source",
    "Where did the code come from?",
    [
      { label: "A text or an email", next: "fix-wrong-method" },
      { label: "An authenticator app", next: "app-clock" },
      { label: "A message about a parcel, or from my bank", next: "fix-other-code" },
    ],
    "The sign-in screen says where it expects the code to come from.",
  ),

  question("app-clock", "Is your phone’s date and time set to update automatically?", [
    { label: "No, or I’m not sure", next: "fix-clock-drift" },
    { label: "Yes, it updates automatically", next: "app-entry" },
  ]),
  question("app-entry", "Did any of these happen?", [
    { label: "I got a new phone", next: "fix-lost-phone" },
    { label: "I set up the app more than once", next: "fix-app-entries" },
    { label: "None of these", next: "fix-app-other-way" },
  ]),

  fix(
    "fix-expired",
    "Get a new code and use it straight away",
    [
      "Tap “Send a new code” on the screen that asked for it.",
      "Wait for the new message. Don’t tap “resend” again while you wait.",
      "Type the newest code within a few minutes. Older codes stop working when a new one is sent.",
    ],
    {
      slug: "why-codes-expire",
      anchor: "get-a-new-code",
      label: "Why codes expire, and how to get a new one",
    },
  ),
  fix(
    "fix-locked",
    "Wait 15 minutes, then try one fresh code",
    [
      "After several wrong codes, sign-in pauses for a short while. This stops people guessing.",
      "Wait about 15 minutes. Don’t keep trying in the meantime.",
      "Ask for one new code and type it slowly.",
      `Still locked out? Call us on ${brand.supportPhone}. We will check it’s you, and never ask for a code.`,
    ],
    {
      slug: "my-code-is-not-working",
      anchor: "your-account-is-locked-or-has-a-problem",
      label: "My code isn’t working",
    },
  ),
  fix(
    "fix-someone-asking",
    "Don’t share it. Hang up or stop replying.",
    [
      `${brand.companyName} will never ask you for a code, by phone, text or email. Anyone who asks is a scammer.`,
      "Hang up, or stop replying. Don’t call back a number they gave you.",
      `If you already shared a code, change your password in the ${brand.appName} now.`,
      `Call us on ${brand.supportPhone} if you’re worried, and report the scam.`,
    ],
    {
      slug: "calls-from-a-fake-representative",
      anchor: "do-this-now",
      label: "A caller says they’re from us. Is it real?",
    },
  ),
  fix(
    "fix-unexpected-code",
    "Don’t share the code, then check your account",
    [
      "Don’t share the code with anyone, and don’t type it anywhere.",
      "Someone may have mistyped their number, or may be trying to get into your account.",
      `Open the ${brand.appName} yourself, change your password and check your recent activity.`,
      "Turn on two-step verification if it’s off.",
    ],
    { slug: "code-i-did-not-ask-for", label: "I got a code I didn’t ask for" },
  ),
  fix(
    "fix-delivery-code",
    "Find your delivery code in the app",
    [
      `Open the ${brand.appName} and go to your order. The delivery code is shown there.`,
      "Give it only to the courier, at your door, when they hand you the parcel.",
      "If it isn’t there, check your contact details, then contact us to rearrange the delivery.",
    ],
    {
      slug: "delivery-code-did-not-arrive",
      anchor: "find-your-code",
      label: "My delivery code didn’t arrive",
    },
  ),
  fix(
    "fix-check-method",
    "Check where the code was sent",
    [
      "Look at the screen that asked for the code. It shows the end of the phone number or email it was sent to, or says to use your authenticator app.",
      "If that’s not yours, or it’s out of date, tap “Try another way”.",
      "Then work through the steps in the article below.",
    ],
    { slug: "code-did-not-arrive", anchor: "do-this-first", label: "My code didn’t arrive" },
  ),
  fix(
    "fix-wrong-contact",
    "Sign in another way and update your number",
    [
      "Codes go to the number on your account, so they are going to your old number.",
      "On the code screen, tap “Try another way” and use email, an authenticator app or a backup code.",
      "Once you are in, update your phone number.",
      `No other way in? Call us on ${brand.supportPhone}.`,
    ],
    {
      slug: "update-your-phone-number-or-email",
      anchor: "if-you-cant-sign-in-because-codes-go-to-the-old-number",
      label: "Update your phone number or email",
    },
  ),
  fix(
    "fix-lost-phone",
    "Get back in without your old phone",
    [
      "Use a backup code, or another method such as email, to sign in.",
      "Then set up your new phone and remove the old one.",
      `If you have no other way in, support can help after checking it’s you. Call ${brand.supportPhone}.`,
    ],
    { slug: "lost-or-new-phone", anchor: "get-back-in-another-way", label: "Lost phone or new phone" },
  ),
  fix(
    "fix-weak-connection",
    "Get a signal, or use another method",
    [
      "Texts need a mobile signal. Move near a window or step outside, or turn airplane mode off.",
      "Abroad? Texts can be slow or blocked. Try Wi-Fi calling, or tap “Try another way”.",
      "An authenticator app works with no signal at all: set one up for next time.",
    ],
    { slug: "my-code-is-not-working", anchor: "your-connection-is-weak", label: "My code isn’t working" },
  ),
  fix(
    "fix-delayed-message",
    "Wait a minute, then ask for one new code",
    [
      "Texts are sometimes slow. Wait one full minute.",
      "Restart your phone, and check blocked or filtered messages.",
      "Ask for one new code, then wait again. Asking many times can pause codes for a while.",
    ],
    { slug: "code-did-not-arrive", anchor: "if-youre-waiting-for-a-text", label: "My code didn’t arrive" },
  ),
  fix(
    "fix-email-spam",
    "Look in spam, junk and other tabs",
    [
      "Check spam, junk and tabs such as “Promotions” or “Updates”.",
      `Search for our domain: real emails come from addresses ending in @${brand.officialEmailDomains[0] ?? ""}.`,
      "Add our address to your contacts so the next code lands in your inbox.",
    ],
    { slug: "code-did-not-arrive", anchor: "if-youre-waiting-for-an-email", label: "My code didn’t arrive" },
  ),
  fix(
    "fix-delayed-email",
    "Wait a minute, then ask for one new code",
    [
      "Emails can take a minute or two. Wait, then refresh your inbox.",
      "Ask for one new code, and use only the newest one.",
      "Still nothing? Tap “Try another way” on the code screen.",
    ],
    { slug: "code-did-not-arrive", anchor: "if-you-asked-for-many-codes", label: "My code didn’t arrive" },
  ),
  fix(
    "fix-old-email",
    "Sign in another way and update your email",
    [
      "Codes go to the email on your account, so they may be going to an old address.",
      "Tap “Try another way” and use your phone, an authenticator app or a backup code.",
      "Once you are in, update your email address.",
    ],
    {
      slug: "update-your-phone-number-or-email",
      anchor: "change-your-details",
      label: "Update your phone number or email",
    },
  ),
  fix(
    "fix-typo",
    "Type the newest code again, slowly",
    [
      "Check each digit. Watch for mix-ups like 1 and 7, or 0 and 8.",
      "Don’t add spaces.",
      "If it still fails, ask for a new code and type that one.",
    ],
    { slug: "my-code-is-not-working", anchor: "you-made-a-typo", label: "My code isn’t working" },
  ),
  fix(
    "fix-use-newest",
    "Use only the newest code",
    [
      "Each new code replaces the one before it. Only the newest one works.",
      "Open the most recent message and type that code.",
      "Don’t ask for another code while you wait for one.",
    ],
    {
      slug: "code-says-wrong-or-expired",
      anchor: "invalid-code-or-wrong-code",
      label: "The code says it’s wrong or expired",
    },
  ),
  fix(
    "fix-autofill",
    "Clear the box and type the newest code yourself",
    [
      "Phones sometimes suggest an old code from an earlier message.",
      "Clear the box and type the code from the newest message by hand.",
    ],
    {
      slug: "code-says-wrong-or-expired",
      anchor: "if-your-phone-fills-in-the-code-for-you",
      label: "The code says it’s wrong or expired",
    },
  ),
  fix(
    "fix-wrong-method",
    "Use the method the screen asks for",
    [
      "Your account may be set to use an authenticator app, not texts or email.",
      "Read the code screen: it says where to look for the code.",
      "To use a different method, tap “Try another way”.",
    ],
    {
      slug: "my-code-is-not-working",
      anchor: "youre-using-a-different-method",
      label: "My code isn’t working",
    },
  ),
  fix(
    "fix-other-code",
    "Use the code meant for signing in",
    [
      `A delivery code or a code from your bank won’t sign you in to ${brand.companyName}.`,
      "Check what the message says the code is for.",
      "Ask for a new sign-in code and use that one.",
    ],
    {
      slug: "code-says-wrong-or-expired",
      anchor: "invalid-code-or-wrong-code",
      label: "The code says it’s wrong or expired",
    },
  ),
  fix(
    "fix-clock-drift",
    "Set your phone’s time to update automatically",
    [
      "Open your phone’s Settings, then “Date and time”.",
      "Turn on “Set automatically” and “Automatic time zone”.",
      "Close the authenticator app, open it again and use a fresh code.",
    ],
    {
      slug: "authenticator-app-codes-not-working",
      anchor: "do-this-now",
      label: "Authenticator app codes not working",
    },
  ),
  fix(
    "fix-app-entries",
    `Use the newest ${brand.companyName} entry in the app`,
    [
      "If you set up the app more than once, only the newest entry works.",
      "Try the codes from each entry, newest first.",
      `Once you are in, delete the older ${brand.companyName} entries.`,
    ],
    {
      slug: "authenticator-app-codes-not-working",
      anchor: "other-things-to-check",
      label: "Authenticator app codes not working",
    },
  ),
  fix(
    "fix-app-other-way",
    "Sign in another way, then set up the app again",
    [
      "Tap “Try another way” on the code screen.",
      "Use a backup code if you have one.",
      "Once you are in, set up the authenticator app again.",
      `No other way in? Call us on ${brand.supportPhone}.`,
    ],
    {
      slug: "authenticator-app-codes-not-working",
      anchor: "if-you-still-cant-sign-in",
      label: "Authenticator app codes not working",
    },
  ),
];

const byId = new Map(nodes.map((node) => [node.id, node]));

export function listTroubleshooterNodes(): TroubleshooterNode[] {
  return nodes;
}

export function findTroubleshooterNode(id: string): TroubleshooterNode | undefined {
  return byId.get(id);
}

export function troubleshooterPath(id: string): string {
  return id === TROUBLESHOOTER_START ? troubleshooterStartPath : `${troubleshooterStartPath}/${id}`;
}

/** The questions that lead to `id`. Usually one; a few fixes are reached from two branches. */
export function troubleshooterParents(id: string): QuestionNode[] {
  return nodes.filter(
    (node): node is QuestionNode =>
      node.kind === "question" && node.answers.some((answer) => answer.next === id),
  );
}

export type NextStep = { label: string; href: string; description: string };

const EVERY_FIX_SLUG = "my-code-is-not-working";
const LOST_PHONE_SLUG = "lost-or-new-phone";

/**
 * "Still not working?": where a fix leads when it did not help, so no branch of the troubleshooter
 * ends in a dead end. Back to the question (to pick another answer), every fix on one page, account
 * recovery, and finally a person. The phone link is added by the page, from the brand.
 */
export function stillNotWorkingSteps(node: FixNode): NextStep[] {
  const steps: NextStep[] = [];
  const parents = troubleshooterParents(node.id);
  const previous = parents.length === 1 ? parents[0] : undefined;
  steps.push(
    previous
      ? {
          label: "Pick a different answer",
          href: troubleshooterPath(previous.id),
          description: `Back to “${previous.question}”`,
        }
      : {
          label: "Answer the questions again",
          href: troubleshooterStartPath,
          description: "Start the troubleshooter over and choose differently.",
        },
  );
  if (node.article.slug !== EVERY_FIX_SLUG)
    steps.push({
      label: "See every fix on one page",
      href: `/help/${EVERY_FIX_SLUG}`,
      description: "Other reasons a code fails, and what to do about each.",
    });
  if (node.article.slug !== LOST_PHONE_SLUG)
    steps.push({
      label: "Can’t get codes at all?",
      href: `/help/${LOST_PHONE_SLUG}`,
      description: "Lost phone, new phone or new number: how to get back into your account.",
    });
  return steps;
}
