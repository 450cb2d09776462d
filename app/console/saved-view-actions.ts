"use server";

import { staffAction } from "@/lib/forms/staff-action";
import { deleteView, saveView } from "@/lib/saved-views/saved-views";
import { deleteViewSchema, saveViewSchema } from "@/lib/saved-views/schemas";
import { LIST_PATHS } from "@/lib/saved-views/view-query";

/** Saves the list's current filters and sort under a name; the query is checked against the list. */
export const saveViewAction = staffAction(
  { permission: "console:use", schema: saveViewSchema, revalidate: (input) => LIST_PATHS[input.list] },
  saveView,
);

/** Deletes one of the staff member's own views. */
export const deleteViewAction = staffAction(
  { permission: "console:use", schema: deleteViewSchema, revalidate: (input) => LIST_PATHS[input.list] },
  deleteView,
);
