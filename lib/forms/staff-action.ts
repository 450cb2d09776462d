// The one way to write a console server action. Every action does the same five things in the
// same order, so they live here once:
//   authenticate and authorise (the session row, then can() for each permission)
//   → parse the form with the action's zod schema (field errors come back to the form)
//   → ask for a fresh second factor when a permission is in STEP_UP_PERMISSIONS
//   → run the handler with a StaffContext (who, from which address, as which audit actor)
//   → revalidate after success, and turn the handler's Result into the form's ActionState.
// A handler may also redirect(), which ends the action the way Next intends.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { hasFreshStepUp, requireStaffContext, type StaffContext } from "@/lib/auth/current-staff";
import { STEP_UP_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { Result } from "@/lib/result";
import { invalidState, resultState, stepUpRequiredState, type ActionState } from "./action-state";
import { formFields } from "./form-fields";

export type FormAction<Data = undefined> = (
  state: ActionState<Data>,
  formData: FormData,
) => Promise<ActionState<Data>>;

type StaffActionOptions<Schema extends z.ZodType> = {
  /** Every permission listed is required. */
  permission: Permission | readonly Permission[];
  schema: Schema;
  /** The page to render again after a success (console pages render per request; lists may be cached). */
  revalidate?: string | ((input: z.output<Schema>) => string);
};

export function staffAction<Schema extends z.ZodType, Data = undefined>(
  options: StaffActionOptions<Schema>,
  handler: (ctx: StaffContext, input: z.output<Schema>) => Promise<Result<Data>>,
): FormAction<Data> {
  const permissions: readonly Permission[] =
    typeof options.permission === "string" ? [options.permission] : options.permission;
  const needsStepUp = permissions.some((permission) => STEP_UP_PERMISSIONS.has(permission));
  return async (_state, formData) => {
    const ctx = await requireStaffContext(...permissions);
    const parsed = options.schema.safeParse(formFields(formData));
    if (!parsed.success) return invalidState(parsed.error);
    if (needsStepUp && !hasFreshStepUp(ctx.staff)) return stepUpRequiredState;
    const result = await handler(ctx, parsed.data);
    if (result.ok && options.revalidate) {
      revalidatePath(
        typeof options.revalidate === "function" ? options.revalidate(parsed.data) : options.revalidate,
      );
    }
    return resultState(result);
  };
}
