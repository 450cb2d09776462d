// The tasks most readers come for, shown on the home page, the 404 page and when a search finds
// nothing. Plain data so a client component can receive it as props.

export type TopTask = { title: string; description: string; href: string };

export const topTasks: TopTask[] = [
  {
    title: "My code isn't working",
    description: "Answer a few questions and get the fix.",
    href: "/help/troubleshooter",
  },
  {
    title: "Someone called asking for my code",
    description: "Hang up. Here's how to check and what to do next.",
    href: "/help/calls-from-a-fake-representative",
  },
  {
    title: "I got a code I didn't ask for",
    description: "Don't share it. Secure your account in a few steps.",
    href: "/help/code-i-did-not-ask-for",
  },
  {
    title: "Check a suspicious message",
    description: "Paste a text or email and see its red flags.",
    href: "/help/check-a-message",
  },
  {
    title: "I lost my phone",
    description: "Get back into your account without your codes.",
    href: "/help/lost-or-new-phone",
  },
  {
    title: "Where's my delivery code?",
    description: "Find it, and learn when to give it to the courier.",
    href: "/help/what-is-a-delivery-code",
  },
];

/** The "I think I'm being scammed" path. */
export const scamPath: TopTask[] = [
  {
    title: "Someone is on the phone with me now",
    description: "Hang up. We never ask for codes or payment by phone.",
    href: "/help/calls-from-a-fake-representative",
  },
  {
    title: "I got a strange text or email",
    description: "Don't tap the link. Check the message here first.",
    href: "/help/check-a-message",
  },
  {
    title: "I already shared a code or password",
    description: "Act now: lock the scammer out step by step.",
    href: "/help/hacked-account-checklist",
  },
  {
    title: "Report a scam",
    description: "Tell us about the call, text or email.",
    href: "/report",
  },
];
