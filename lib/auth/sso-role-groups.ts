// SSO_ROLE_GROUPS: which identity-provider group gives which desk role. Kept apart from the SSO
// sign-in itself because lib/env.ts validates the variable with it, and env must not import
// anything that reads the environment.
import type { Role } from "./permissions";

const ROLE_ORDER: readonly Role[] = ["ADMIN", "SUPERVISOR", "AGENT"];

export type RoleGroups = ReadonlyMap<Role, string>;

/** "ADMIN=desk-admins,AGENT=desk-agents" → a map, or null when the text is not of that shape. */
export function parseRoleGroups(text: string): RoleGroups | null {
  const groups = new Map<Role, string>();
  for (const part of text.split(",")) {
    const [role, group, ...rest] = part.split("=").map((piece) => piece.trim());
    if (rest.length > 0 || !role || !group || !(ROLE_ORDER as readonly string[]).includes(role)) return null;
    if (groups.has(role as Role)) return null;
    groups.set(role as Role, group);
  }
  return groups.size > 0 ? groups : null;
}

/** The highest role whose group the person is in, or null. */
export function roleFromGroups(groups: RoleGroups, memberOf: readonly string[]): Role | null {
  return (
    ROLE_ORDER.find((role) => {
      const group = groups.get(role);
      return group !== undefined && memberOf.includes(group);
    }) ?? null
  );
}
