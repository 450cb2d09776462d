import { serializeJsonLd } from "@/lib/content/json-ld";

/** Structured data; serializeJsonLd escapes "<" so article text cannot close the script tag. */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
