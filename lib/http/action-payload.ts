// A guard in front of every server action. Next decodes an action's arguments with React's reply
// decoder before any of our code runs, and a body it cannot decode (bad JSON, nesting thousands
// deep, a reference to a part that does not exist, more than its 1 MB limit) ends as a 500, for
// anyone, signed in or not. proxy.ts checks the body against the format our pages' forms actually
// send, and refuses anything else with a 400 or 413 before Next sees it.
//
// What a browser sends (React's encodeReply): a text/plain body holding the JSON array of the
// arguments, or a multipart body whose field "0" holds that array and whose other fields are
// referenced from it ("$K1" = the FormData entries named "_1_…"; "$<n>" = the JSON in field "<n>").
// Strings starting with "$" are either escaped ("$$…") or one of a few scalar forms.

export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
const MAX_DEPTH = 32;

export type PayloadProblem = { status: 400 | 413; reason: string };

/** "$undefined", "$NaN", "$-0", a date ("$D…") or a bigint ("$n…"): values, not references. */
const SCALAR = /^\$(undefined|NaN|Infinity|-Infinity|-0|D[\d:.TZ+-]{10,40}|n-?\d{1,400})$/;

/** Checks every "$" string and the nesting depth; `parts` are the multipart fields present. */
function checkValue(value: unknown, parts: ReadonlySet<string>, depth: number): string | null {
  if (depth > MAX_DEPTH) return "The request nests too deep.";
  if (typeof value === "string") {
    if (!value.startsWith("$") || value.startsWith("$$") || SCALAR.test(value)) return null;
    const reference = /^\$([KQWB@])?([0-9a-f]{1,8})$/.exec(value);
    if (!reference) return "The request refers to something it does not contain.";
    const [, kind, id = ""] = reference;
    // "$K<n>" is a FormData whose entries are the fields "_<n>_…": an empty form has none, which
    // React decodes as an empty FormData. Every other reference needs its part.
    if (kind === "K") return null;
    return parts.has(String(Number.parseInt(id, 16)))
      ? null
      : "The request refers to something it does not contain.";
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = checkValue(item, parts, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) {
      const problem = checkValue(item, parts, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function checkArguments(json: string, parts: ReadonlySet<string>): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return "The request is not valid JSON.";
  }
  return checkValue(parsed, parts, 0);
}

/** The problem with a server action request's body, or null when it is one our pages could send. */
export async function actionPayloadProblem(request: Request): Promise<PayloadProblem | null> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT_BYTES)
    return { status: 413, reason: "The request is too large." };
  const contentType = request.headers.get("content-type") ?? "";
  // Lower case for the comparisons only: the multipart boundary is case-sensitive.
  const type = contentType.toLowerCase();
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return { status: 413, reason: "The request is too large." };

  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return { status: 400, reason: "The form data is malformed." };
    }
    const parts = new Set([...form.keys()]);
    // A form posted without JavaScript names its action in a field and carries plain fields.
    if ([...parts].some((name) => name.startsWith("$ACTION_"))) return null;
    const args = form.get("0");
    if (typeof args !== "string") return { status: 400, reason: "The request has no arguments." };
    for (const name of parts) {
      const field = form.get(name);
      // "<n>" fields are JSON chunks the arguments may refer to; "<n>_…" are FormData entries.
      if (/^\d+$/.test(name) && name !== "0" && typeof field === "string") {
        const problem = checkArguments(field, parts);
        if (problem) return { status: 400, reason: problem };
      }
    }
    const problem = checkArguments(args, parts);
    return problem ? { status: 400, reason: problem } : null;
  }
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  const problem = checkArguments(new TextDecoder().decode(body), new Set());
  return problem ? { status: 400, reason: problem } : null;
}
