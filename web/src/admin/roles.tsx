// The roles a person can have, in the order admins pick from, and the picker itself. A
// project role is at most the person's workspace role (the permission table's rule).
import type { Role } from "@rehome/client";
import { assignable } from "@rehome/core/permissions";
import { ROLE_WORDS } from "@rehome/core/words";
import type { ComponentProps, ReactNode } from "react";
import { SelectField } from "../components/Field";

export const ROLES: Role[] = ["admin", "team", "consultant", "client"];

/** The roles someone of `workspaceRole` may hold on a project (plus `current`, if older data has more). */
export const projectRolesFor = (workspaceRole: Role, current?: Role) =>
  ROLES.filter((role) => role === current || assignable(workspaceRole, role));

export const RoleOptions = ({ roles = ROLES }: { roles?: Role[] }) =>
  roles.map((role) => (
    <option key={role} value={role}>
      {ROLE_WORDS[role]}
    </option>
  ));

/** A labelled role picker; new people start as clients, the least they can see. */
export function RoleField({
  roles,
  ...props
}: { label: string; help?: ReactNode; roles?: Role[] } & ComponentProps<"select">) {
  return (
    <SelectField defaultValue="client" {...props}>
      <RoleOptions roles={roles} />
    </SelectField>
  );
}
