// Opaque cursors for newest-first lists: (time, id) of the last row shown, so the next page is an
// index range scan whatever the page number (no OFFSET).
import { isBigintId, isPlausibleInstant } from "@/lib/http/search-params";

export type TimeCursor = { at: Date; id: bigint };

export function encodeTimeCursor(cursor: TimeCursor): string {
  return Buffer.from(`${cursor.at.toISOString()}|${cursor.id.toString()}`).toString("base64url");
}

export function decodeTimeCursor(raw: string | undefined | null): TimeCursor | null {
  if (!raw || raw.length > 100) return null;
  const [iso, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!isPlausibleInstant(at) || !id || !isBigintId(id)) return null;
  return { at, id: BigInt(id) };
}
