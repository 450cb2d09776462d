"use client";

import { ActionForm } from "@/components/console/action-form";
import { redeliverAction } from "../actions";

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  return (
    <ActionForm action={redeliverAction} submitLabel="Retry now" pendingLabel="Queuing…" variant="secondary">
      <input type="hidden" name="deliveryId" value={deliveryId} />
    </ActionForm>
  );
}
