"use client";

import { ActionForm } from "@/components/console/action-form";
import { confirmNotMe } from "../actions";

export function NotMeForm({ token }: { token: string }) {
  return (
    <ActionForm action={confirmNotMe} submitLabel="This wasn't me: secure my account" variant="danger">
      <input type="hidden" name="token" value={token} />
    </ActionForm>
  );
}
