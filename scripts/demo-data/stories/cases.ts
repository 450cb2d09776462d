// The story cases and their notes (STORY_CASES in stories.ts).
import type pg from "pg";
import { STORY_CASES, type DemoStaffKey, type StoryCaseKey, type StoryCustomerKey } from "../stories";

export async function writeCases(
  client: pg.ClientBase,
  now: number,
  staffIds: Record<DemoStaffKey, string>,
  customerId: (key: StoryCustomerKey) => string,
): Promise<Map<StoryCaseKey, string>> {
  const ids = new Map<StoryCaseKey, string>();
  const at = (ago: number) => new Date(now - ago);
  // A handful of rows: plain parameterised statements, in a fixed order so case numbers are stable.
  for (const [key, c] of Object.entries(STORY_CASES) as [
    StoryCaseKey,
    (typeof STORY_CASES)[StoryCaseKey],
  ][]) {
    const lastNote = Math.min(...c.notes.map((note) => note.ago), c.openedAgo);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO cases (customer_id, type, status, subject, assignee_id, opened_by_id, outcome, created_at, updated_at, closed_at)
       VALUES ($1, $2::"CaseType", $3::"CaseStatus", $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        customerId(c.customer),
        c.type,
        c.status,
        c.subject,
        c.assignee ? staffIds[c.assignee] : null,
        staffIds[c.openedBy],
        c.outcome,
        at(c.openedAgo),
        at(c.closedAgo ?? lastNote),
        c.closedAgo === null ? null : at(c.closedAgo),
      ],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error(`Case ${key} was not written`);
    ids.set(key, id);
    for (const note of c.notes) {
      await client.query(
        `INSERT INTO case_notes (case_id, author_id, kind, body, created_at) VALUES ($1, $2, $3::"CaseNoteKind", $4, $5)`,
        [id, note.author ? staffIds[note.author] : null, note.kind, note.body, at(note.ago)],
      );
    }
  }
  return ids;
}
