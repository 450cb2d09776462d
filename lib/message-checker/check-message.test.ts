import { describe, expect, it } from "vitest";
import { checkMessage, hostOf, isOfficialHost, type CheckBrand, type FlagId } from "./check-message";

const brand: CheckBrand = {
  companyName: "Northwind Market",
  officialDomains: ["northwind.example"],
  officialEmailDomains: ["northwind.example"],
  supportPhone: "+44 20 7946 0321",
};

const flagsOf = (text: string): FlagId[] => checkMessage(text, brand).flags.map((flag) => flag.id);

describe("genuine messages come out clean", () => {
  const genuine = [
    "Northwind Market: 482913 is your sign-in code. It expires in 10 minutes. Never share it with anyone. We will never call you to ask for it.",
    "Your Northwind verification code is 7731. Don't share this code with anyone, including Northwind staff.",
    "Use 590 112 to sign in to Northwind Market. If you didn't ask for this code, you can ignore this message.",
    "Your Northwind delivery code is 5531. Only give it to the courier at your door when they hand you your parcel.",
    "Enter this code in the Northwind app to confirm your payment: 204918. Northwind will never ask you for this code.",
    "Hi Sam,\nA new sign-in to your Northwind Market account from Chrome on Windows.\nIf this was you, you don't need to do anything. If not, open the Northwind app and change your password.\nNorthwind will never ask for your code or password.\nhttps://northwind.example/security",
    "Your order 40213 has shipped. Track it at https://northwind.example/orders/40213 or in the Northwind app.",
    "Northwind Market: your password was changed. If you didn't do this, call us on +44 20 7946 0321 or visit northwind.example/help.",
    "Your two-step verification was turned on. Questions? Call 020 7946 0321. Sent from support@northwind.example",
    "Thanks for your order! Order number 1234567890 will arrive on Tuesday. Manage it at www.northwind.example.",
    "Reminder: your Northwind backup codes are in your security settings at https://help.northwind.example/backup-codes",
    "Your code is 118 044. This code expires in 5 minutes.",
  ];
  it.each(genuine)("%s", (text) => {
    expect(flagsOf(text)).toEqual([]);
    expect(checkMessage(text, brand).verdict).toBe("no-flags");
  });
});

describe("scam messages are flagged", () => {
  const cases: [string, FlagId[]][] = [
    [
      "Northwind Security: we detected a suspicious order of £899. If this wasn't you, reply with the code we just sent to cancel it.",
      ["asks-for-code", "scam-script"],
    ],
    [
      "Your Northwind account will be suspended in 24 hours. Verify now: http://northwind-secure.com/login",
      ["lookalike-link", "urgency"],
    ],
    [
      "Hi, this is Dave from Northwind customer support. To process your refund please read me the 6 digit code we sent you.",
      ["asks-for-code", "scam-script"],
    ],
    [
      "Your parcel is on hold. Pay the £1.99 redelivery fee at https://bit.ly/3xYzAbc",
      ["shortened-link", "payment", "scam-script"],
    ],
    [
      "FINAL NOTICE: pay the balance with Google Play gift cards today or the police will be contacted.",
      ["gift-card", "urgency"],
    ],
    [
      "Log in to keep your account active: https://northwind.example.account-verify.com/signin",
      ["lookalike-link"],
    ],
    ["Sign in here: https://xn--nrthwind-9za.example/login", ["lookalike-link"]],
    ["Sign in: https://n0rthwind.com/account", ["lookalike-link"]],
    ["Your account is locked. Call our fraud team on 0800 123 4567 now.", ["unofficial-phone", "urgency"]],
    ["Confirm here: https://northwind.example@198.51.100.7/login", ["hidden-link"]],
    [
      "To secure your funds, move your money to a safe account. Our agent will send the details.",
      ["payment", "scam-script"],
    ],
    ["We can fix it for you. Please install AnyDesk so I can see your screen.", ["remote-access"]],
    ["Send 0.05 bitcoin to the wallet address below to unlock your account.", ["payment"]],
    [
      "Our representative will call you shortly. Please tell them the passcode you receive to verify your identity.",
      ["asks-for-code", "scam-script"],
    ],
    [
      "Reply to this message with your card number and CVV to avoid suspension.",
      ["asks-for-secret", "urgency"],
    ],
    [
      "Email from: security@northwind-alerts.com — please verify your account details today.",
      ["lookalike-link", "unofficial-email", "scam-script"],
    ],
    [
      "Congratulations! You have won a £500 Northwind voucher. Claim your reward at win-prizes.top",
      ["gift-card", "unofficial-link", "scam-script"],
    ],
    [
      "Northwind: a code was sent to your phone. Forward the code to this number to stop the transaction: +44 7700 900123",
      ["asks-for-code", "unofficial-phone"],
    ],
  ];
  it.each(cases)("%s", (text, expected) => {
    const found = flagsOf(text);
    for (const id of expected) expect(found).toContain(id);
    expect(checkMessage(text, brand).verdict).not.toBe("no-flags");
  });

  it("calls a message with a code request a likely scam", () => {
    expect(checkMessage("Please read me the code we sent you.", brand).verdict).toBe("likely-scam");
  });

  it("quotes the words that raised each flag", () => {
    const [flag] = checkMessage("Go to http://northwind-secure.com now", brand).flags.filter(
      (f) => f.id === "lookalike-link",
    );
    expect(flag?.evidence[0]).toContain("northwind-secure.com");
  });

  it("handles empty and very long input", () => {
    expect(checkMessage("", brand).flags).toEqual([]);
    expect(() => checkMessage("a".repeat(200_000), brand)).not.toThrow();
  });
});

describe("hosts", () => {
  it("reads hosts from links with and without a scheme", () => {
    expect(hostOf("https://WWW.Northwind.example/path")).toBe("northwind.example");
    expect(hostOf("northwind.example/help.")).toBe("northwind.example");
  });
  it("treats subdomains of an official domain as official and lookalikes as not", () => {
    expect(isOfficialHost("help.northwind.example", brand.officialDomains)).toBe(true);
    expect(isOfficialHost("northwind.example.evil.com", brand.officialDomains)).toBe(false);
    expect(isOfficialHost("evilnorthwind.example", brand.officialDomains)).toBe(false);
  });
});
