// Reads a form out of server-rendered HTML the way a browser without JavaScript would submit it:
// its hidden inputs (React's `$ACTION_…` fields for server actions, tokens) and other inputs'
// default values. Enough for the forms these tests post; not a general HTML parser.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? "");
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name.replace(/\$/g, "\\$")}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? null : decodeEntities(match[1]);
}

/** The HTML of the first <form> whose opening tag or content contains `marker`. */
export function findForm(html: string, marker: string): string {
  for (const match of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    if (match[0].includes(marker)) return match[0];
  }
  throw new Error(`No form containing ${JSON.stringify(marker)} in the page`);
}

/** Hidden inputs of a form, in document order, as [name, value] pairs. */
export function hiddenFields(formHtml: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const match of formHtml.matchAll(/<input\b[^>]*>/g)) {
    const tag = match[0];
    if (attribute(tag, "type") !== "hidden") continue;
    const name = attribute(tag, "name");
    if (name) fields.push([name, attribute(tag, "value") ?? ""]);
  }
  return fields;
}
