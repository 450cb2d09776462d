// A staff member's saved views: named filters and sort for a console list, their own. Saving and
// deleting are audited; loading checks every stored query again (the list's filters may have changed
// since, or a row may have been written by hand) and shows a view that no longer fits as refused.
import "server-only";
import { getDb } from "@/lib/db/client";
import { appendAuditEvent } from "@/lib/audit/audit-log";
import type { StaffContext } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { fail, succeed, type Result } from "@/lib/result";
import { checkViewQuery, LIST_NAMES, LIST_PERMISSIONS, viewHref, type SavedViewList } from "./view-query";

/** Enough for the lists people keep; more is a sign of saving by accident. */
export const MAX_VIEWS_PER_LIST = 20;

export type SavedViewItem =
  | { id: string; name: string; valid: true; href: string }
  | { id: string; name: string; valid: false; problem: string };

export async function listSavedViews(staffId: string, list: SavedViewList): Promise<SavedViewItem[]> {
  const rows = await getDb().savedView.findMany({
    where: { staffId, list },
    orderBy: { name: "asc" },
    take: MAX_VIEWS_PER_LIST,
    select: { id: true, name: true, query: true },
  });
  return rows.map((row) => {
    const checked = checkViewQuery(list, row.query);
    return checked.ok
      ? { id: row.id, name: row.name, valid: true, href: viewHref(list, checked.query) }
      : { id: row.id, name: row.name, valid: false, problem: checked.message };
  });
}

export async function saveView(
  ctx: StaffContext,
  input: { list: SavedViewList; name: string; query: string },
): Promise<Result<{ href: string }>> {
  if (!can(ctx.staff, LIST_PERMISSIONS[input.list]))
    return fail(`You cannot keep views of the ${LIST_NAMES[input.list]}.`, "list");
  const checked = checkViewQuery(input.list, input.query);
  if (!checked.ok) return fail(`This view cannot be saved: ${checked.message} Nothing was saved.`, "query");
  const db = getDb();
  try {
    return await db.$transaction(async (tx) => {
      const count = await tx.savedView.count({ where: { staffId: ctx.staff.id, list: input.list } });
      if (count >= MAX_VIEWS_PER_LIST)
        return fail(
          `You have ${MAX_VIEWS_PER_LIST} views of the ${LIST_NAMES[input.list]}: delete one first.`,
        );
      const view = await tx.savedView.create({
        data: { staffId: ctx.staff.id, list: input.list, name: input.name, query: checked.query },
        select: { id: true },
      });
      await appendAuditEvent(tx, {
        actor: ctx.actor,
        action: "saved_view.created",
        target: { type: "saved_view", id: view.id },
        ip: ctx.ip,
        data: { list: input.list, name: input.name, query: checked.query },
      });
      const href = viewHref(input.list, checked.query);
      return succeed(`View “${input.name}” saved.`, { href });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return fail("You already have a view with that name for this list.", "name");
    throw error;
  }
}

export async function deleteView(
  ctx: StaffContext,
  input: { viewId: string; list?: SavedViewList },
): Promise<Result> {
  return getDb().$transaction(async (tx) => {
    // Only the staff member's own views: another's id is answered as unknown, not as "not yours".
    const view = await tx.savedView.findFirst({
      where: { id: input.viewId, staffId: ctx.staff.id, ...(input.list ? { list: input.list } : {}) },
      select: { id: true, name: true, list: true },
    });
    if (!view) return fail("That view does not exist.");
    await tx.savedView.delete({ where: { id: view.id } });
    await appendAuditEvent(tx, {
      actor: ctx.actor,
      action: "saved_view.deleted",
      target: { type: "saved_view", id: view.id },
      ip: ctx.ip,
      data: { list: view.list, name: view.name },
    });
    return succeed(`View “${view.name}” deleted.`);
  });
}
