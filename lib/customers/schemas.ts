import { z } from "zod";
import { reasonField } from "@/lib/staff/schemas";

/** Showing one masked detail in full: needs a reason (and step-up, asked by the action). */
export const revealFieldSchema = z.object({
  customerId: z.uuid({ error: "Unknown customer." }),
  field: z.enum(["email", "phone"], { error: "Choose what to reveal." }),
  reason: reasonField,
});
