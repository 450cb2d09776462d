// Server actions are public endpoints: a crafted request can pass anything as "formData". Turning
// it into a plain object here means a hostile call gets a validation error from zod, never a 500.
export function formFields(formData: unknown): Record<string, unknown> {
  if (!(formData instanceof FormData)) return {};
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    // Repeated keys (checkbox groups) become arrays; files are not accepted anywhere.
    if (typeof value !== "string") continue;
    const existing = fields[key];
    if (existing === undefined) fields[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[key] = [existing, value];
  }
  return fields;
}
