// Stored priorities for the demo's reports and cases, by the rule of lib/workspace/priority.ts that
// SQL can apply (money lost, watchlisted caller; the app adds the takeover verdict on the next change).
// The demo writes rows directly, so it sets the column the app would otherwise keep current.
import type pg from "pg";
import { LARGE_LOSS_CENTS } from "../../../lib/workspace/priority";

/** The watchlist's default rule (lib/env.ts): the demo runs with the defaults. */
const WATCHLIST = { minReports: 3, days: 90 };

export async function writePriorities(client: pg.ClientBase, now: number): Promise<void> {
  await client.query(
    `UPDATE scam_reports r SET priority = LEAST(3,
        CASE WHEN r.money_lost_cents >= $1 THEN 2 WHEN r.money_lost_cents > 0 THEN 1 ELSE 0 END
      + CASE WHEN r.contact_number_e164 IS NOT NULL AND (
          SELECT count(*) FROM scam_reports o
          WHERE o.contact_number_e164 = r.contact_number_e164 AND o.contacted_at >= $2) >= $3 THEN 1 ELSE 0 END)`,
    [LARGE_LOSS_CENTS, new Date(now - WATCHLIST.days * 86_400_000), WATCHLIST.minReports],
  );
  await client.query(
    `UPDATE cases c SET priority = sub.p
     FROM (SELECT case_id, max(priority) AS p FROM scam_reports WHERE case_id IS NOT NULL GROUP BY case_id) sub
     WHERE sub.case_id = c.id`,
  );
}
