// What the reader is told about each red flag: a title and a plain-words explanation, naming the
// company's own website, email domain and support number so the reader can check them. Which
// messages raise a flag is decided in rules.ts.
import type { CheckBrand } from "./check-brand";
import type { FlagId } from "./rules";

export type FlagText = { title: string; explanation: string };

const websites = (brand: CheckBrand) => brand.officialDomains.join(" or ");

export const FLAG_TEXT: Record<FlagId, (brand: CheckBrand) => FlagText> = {
  "asks-for-code": (brand) => ({
    title: "It asks you to share a code",
    explanation: `${brand.companyName} will never ask you to read out, send or reply with a code. Anyone who asks is trying to get into your account.`,
  }),
  "asks-for-secret": (brand) => ({
    title: "It asks for your password, card or bank details",
    explanation: `${brand.companyName} never asks for your password, PIN, full card number or bank login by text, email or phone.`,
  }),
  "lookalike-link": (brand) => ({
    title: "A link or address pretends to be ours",
    explanation: `Our only website is ${websites(brand)}. These links imitate it to steal what you type.`,
  }),
  "hidden-link": () => ({
    title: "A link hides where it really goes",
    explanation: "A link with an “@” in it, or made of numbers, takes you somewhere other than it seems.",
  }),
  "shortened-link": (brand) => ({
    title: "A shortened link hides where it goes",
    explanation: `We don’t send shortened links. Go to ${websites(brand)} yourself instead of tapping.`,
  }),
  "unofficial-link": (brand) => ({
    title: "A link goes to a site that isn’t ours",
    explanation: `Our website is ${websites(brand)}. Don’t sign in or pay on any other site a message sends you to.`,
  }),
  "unofficial-email": (brand) => ({
    title: "An email address isn’t ours",
    explanation: `Our emails only come from addresses ending in @${brand.officialEmailDomains[0] ?? ""}. A different address means someone else sent it.`,
  }),
  "gift-card": () => ({
    title: "It asks for gift cards",
    explanation: "No real company or government takes payment in gift cards. This is always a scam.",
  }),
  payment: (brand) => ({
    title: "It asks you to pay or move money",
    explanation: `${brand.companyName} never asks you to pay a fee, move money to a “safe account”, or pay in crypto from a message or call.`,
  }),
  "remote-access": () => ({
    title: "It asks you to install an app or share your screen",
    explanation:
      "Remote-access apps let a scammer see and control your phone or computer. We never ask you to install one.",
  }),
  "unofficial-phone": (brand) => ({
    title: "It gives a phone number that isn’t ours",
    explanation: `Our support number is ${brand.supportPhone}. Don’t call a number from a message: look ours up yourself.`,
  }),
  urgency: () => ({
    title: "It rushes or threatens you",
    explanation:
      "Scammers create panic so you act before you think. A real problem can wait while you check.",
  }),
  "scam-script": () => ({
    title: "It follows a common scam story",
    explanation:
      "These stories are the scripts scammers use most. On their own they prove nothing, but with other flags they are a warning.",
  }),
};
