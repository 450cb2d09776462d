// What the message checker knows about the company it speaks for: where it really is on the web,
// which addresses its emails come from and its support number. Anything else that claims to be the
// company is a red flag, and the explanations quote these so the reader can check for themselves.
export type CheckBrand = {
  companyName: string;
  officialDomains: string[];
  officialEmailDomains: string[];
  supportPhone: string;
};
