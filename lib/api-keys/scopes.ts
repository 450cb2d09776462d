// What each API scope allows, in the words the console and the API docs use. Pure, so the console's
// client components can import it.
import type { ApiScope } from "@/lib/generated/prisma/enums";

export type ApiScopeInfo = { value: ApiScope; label: string; description: string };

export const API_SCOPES: readonly ApiScopeInfo[] = [
  {
    value: "EVENTS_WRITE",
    label: "events:write",
    description: "Send login-attempt and OTP-delivery events (POST /api/v1/events).",
  },
  {
    value: "DIRECTORY_WRITE",
    label: "directory:write",
    description:
      "Send directory events: customers, factors, sessions, contact and status changes (POST /api/v1/events).",
  },
  {
    value: "ACTIONS_READ",
    label: "actions:read",
    description: "Fetch the account actions of a poll integration (GET /api/v1/actions).",
  },
];

export function scopeLabel(scope: ApiScope): string {
  return API_SCOPES.find((info) => info.value === scope)?.label ?? scope.toLowerCase();
}
