// Writes the stories of stories.ts: their customers (with months of calm history first), the
// incidents in the last days, the scam-call reports and the cases. Runs after the generated
// customers exist, because the credential-stuffing bot tries some of their addresses.
//
// Each story's incident is written by its own module in stories/. They all draw from one random
// generator, so the order of the calls below is part of the demo data: reordering them changes it.
import type pg from "pg";
import { historyClock, type Clock } from "./customer-profile";
import { writeCustomerHistory } from "./customer-history";
import type { DemoIds, TableCounts } from "./demo-rows";
import { DemoRows } from "./demo-rows";
import { Random, mixSeed } from "./random";
import {
  STORY_CASES,
  STORY_CUSTOMERS,
  STORY_QUIET_BEFORE,
  TAKEOVER,
  type DemoStaffKey,
  type StoryCustomer,
  type StoryCustomerKey,
} from "./stories";
import { writeCases } from "./stories/cases";
import { storyProfile, type Cast } from "./stories/cast";
import { writeCodeNotArriving } from "./stories/code-not-arriving";
import { writeCredentialStuffing } from "./stories/credential-stuffing";
import { writeLostPhone } from "./stories/lost-phone";
import { writeMistypedNumber } from "./stories/mistyped-number";
import { writeOtpBombing } from "./stories/otp-bombing";
import { writePastTakeover } from "./stories/past-takeover";
import { writePriorities } from "./stories/priorities";
import { writeScamReports } from "./stories/scam-reports";
import { writeTakeover } from "./stories/takeover";
import { writeUnrequestedCode } from "./stories/unrequested-code";

/** The id block reserved for story rows (generated chunks use 0, 1, 2, …). */
export const STORY_BLOCK = 2 ** 20 - 1;

/** Background sign-in attempts per story customer: fixed, so stories do not depend on the flags. */
const STORY_BACKGROUND_ATTEMPTS = 30;

export type StoryInput = {
  client: pg.ClientBase;
  ids: DemoIds;
  seed: number;
  now: number;
  staffIds: Record<DemoStaffKey, string>;
};

export async function writeStories({ client, ids, seed, now, staffIds }: StoryInput): Promise<TableCounts> {
  const rng = new Random(mixSeed(seed, STORY_BLOCK));
  const rows = new DemoRows(ids, STORY_BLOCK);
  // Their calm months are generated like everyone's (anchored to the day); their incidents follow
  // the exact `now`, at least STORY_QUIET_BEFORE after that history ends.
  const clock: Clock = historyClock(now, STORY_QUIET_BEFORE);

  const cast = {} as Cast;
  for (const [key, def] of Object.entries(STORY_CUSTOMERS) as [StoryCustomerKey, StoryCustomer][]) {
    const profile = storyProfile(key, def, rng, rows, clock);
    if (key === "takeover") {
      // The row shows the account as it is now: the attacker's number, changed minutes after sign-in.
      const changedAt = now - TAKEOVER.signInAgo + TAKEOVER.phoneChangedAfter;
      const sms = profile.factors.find((f) => f.type === "SMS");
      if (sms) sms.removedAt = changedAt;
      profile.row.updatedAt = changedAt;
    }
    const history = writeCustomerHistory(rows, rng, profile, clock, STORY_BACKGROUND_ATTEMPTS);
    cast[key] = { profile, history };
  }

  writeOtpBombing(rows, rng, cast, now);
  writeTakeover(rows, rng, cast, now);
  writeUnrequestedCode(rows, rng, cast, now);
  writeMistypedNumber(rows, rng, cast, now);
  writeLostPhone(rows, rng, cast, now);
  writeCodeNotArriving(rows, rng, cast, now);
  writePastTakeover(rows, cast, now);
  await writeCredentialStuffing(client, rows, rng, now);

  const { counts, customerIds } = await rows.write(client);
  const customerId = (key: StoryCustomerKey) => {
    const id = customerIds.get(STORY_CUSTOMERS[key].externalId);
    if (!id) throw new Error(`Story customer ${key} was not written`);
    return id;
  };
  const caseIds = await writeCases(client, now, staffIds, customerId);
  counts.cases = caseIds.size;
  counts.case_notes = Object.values(STORY_CASES).reduce((sum, c) => sum + c.notes.length, 0);
  counts.scam_reports = await writeScamReports(client, now, staffIds, customerId, caseIds);
  await writePriorities(client, now);
  return counts;
}
