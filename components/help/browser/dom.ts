// A few DOM helpers for the help center's script: elements are built with text nodes only, so
// nothing from the index, a server answer or a pasted message is ever parsed as HTML.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

export type Segment = { text: string; match: boolean };

/** Text with matching runs in <mark>, as nodes. */
export function highlighted(segments: Segment[]): Node[] {
  return segments.map((segment) =>
    segment.match ? h("mark", {}, segment.text) : document.createTextNode(segment.text),
  );
}
