import { z } from "zod";
import { storableString } from "@/lib/forms/storable-text";
import { SAVED_VIEW_LISTS, MAX_VIEW_QUERY_LENGTH } from "./view-query";

export const saveViewSchema = z.object({
  list: z.enum(SAVED_VIEW_LISTS, { error: "Unknown list." }),
  name: storableString({ error: "Give the view a name." })
    .trim()
    .min(1, "Give the view a name.")
    .max(60, "Keep the name under 60 characters."),
  // Checked against the list's filters by saveView (the message names the forged filter).
  query: storableString({ error: "Nothing to save." }).max(
    MAX_VIEW_QUERY_LENGTH,
    "That view is too long to save.",
  ),
});

/** The list is only where to go back to: the view is looked up among the staff member's own. */
export const deleteViewSchema = z.object({
  viewId: z.uuid({ error: "Unknown view." }),
  list: z.enum(SAVED_VIEW_LISTS, { error: "Unknown list." }),
});
