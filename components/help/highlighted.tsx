import type { HighlightSegment } from "@/lib/content/search";

/** Text with the matching words in <mark>. Rendered as text: no HTML from the index is trusted. */
export function Highlighted({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
