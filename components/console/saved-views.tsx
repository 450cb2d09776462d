"use client";

import Link from "next/link";
import type { ActionState } from "@/lib/forms/action-state";
import type { SavedViewItem } from "@/lib/saved-views/saved-views";
import { ActionForm } from "@/components/console/action-form";
import { Field, TextInput } from "@/components/ui/field";

type Action<Data> = (state: ActionState<Data>, formData: FormData) => Promise<ActionState<Data>>;

/**
 * A list page's saved views: each a link to the list with its filters (a URL the staff member can
 * share), a delete button, and a form that saves what the page shows now under a name.
 */
export function SavedViews({
  list,
  query,
  views,
  saveAction,
  deleteAction,
}: {
  list: "CASES" | "SCAM_REPORTS" | "AUDIT";
  /** The page's filters and sort now, without its page position. */
  query: string;
  views: SavedViewItem[];
  saveAction: Action<{ href: string }>;
  deleteAction: Action<undefined>;
}) {
  return (
    <section
      aria-labelledby="saved-views-title"
      data-testid="saved-views"
      className="rounded-md border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="saved-views-title" className="mb-2 font-semibold">
        Saved views
      </h2>
      {views.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No saved views yet. Filter and sort the list, then save it here.
        </p>
      ) : (
        <ul className="mb-3 space-y-1">
          {views.map((view) => (
            <li key={view.id} className="flex flex-wrap items-center gap-3">
              {view.valid ? (
                <Link
                  href={view.href}
                  prefetch={false}
                  className="text-blue-700 underline dark:text-blue-300"
                >
                  {view.name}
                </Link>
              ) : (
                <span>
                  {view.name}{" "}
                  <span className="text-sm text-red-700 dark:text-red-400">
                    (cannot be opened: {view.problem})
                  </span>
                </span>
              )}
              <ActionForm action={deleteAction} submitLabel={`Delete view “${view.name}”`} variant="ghost">
                <input type="hidden" name="viewId" value={view.id} />
                <input type="hidden" name="list" value={list} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <div data-testid="save-view">
        <ActionForm
          action={saveAction}
          submitLabel="Save this view"
          variant="secondary"
          renderResult={(data) => (
            <p className="text-sm">
              Share it:{" "}
              <Link href={data.href} prefetch={false} className="text-blue-700 underline dark:text-blue-300">
                {data.href}
              </Link>
            </p>
          )}
        >
          {(state) => (
            <>
              <input type="hidden" name="list" value={list} />
              <input type="hidden" name="query" value={query} />
              <Field id="saved-view-name" label="Name of this view" errors={state.fieldErrors?.name}>
                {(describedBy, invalid) => (
                  <TextInput
                    id="saved-view-name"
                    name="name"
                    maxLength={60}
                    autoComplete="off"
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                  />
                )}
              </Field>
            </>
          )}
        </ActionForm>
      </div>
    </section>
  );
}
