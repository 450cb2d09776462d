// The reference identity system the demo server starts beside the desk (app port + 10; see
// scripts/launch/demo-identity-system.ts): what it has applied, read over its own HTTP API.
import type { AppliedAction, IdentityState } from "../../examples/identity-system/identity-system";

export async function identitySystemState(baseURL: string): Promise<IdentityState> {
  const url = new URL(baseURL);
  url.port = String(Number(url.port) + 10);
  url.pathname = "/state";
  const response = await fetch(url);
  if (!response.ok) throw new Error(`identity system answered ${response.status}`);
  return (await response.json()) as IdentityState;
}

export async function appliedFor(baseURL: string, externalId: string): Promise<AppliedAction[]> {
  return (await identitySystemState(baseURL)).applied.filter((entry) => entry.externalId === externalId);
}
