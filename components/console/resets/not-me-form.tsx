"use client";

import type { ActionState } from "@/lib/forms/action-state";
import { ActionForm } from "@/components/console/action-form";

export function NotMeForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  return <ActionForm action={action} submitLabel="This wasn't me: secure my account" variant="danger" />;
}
