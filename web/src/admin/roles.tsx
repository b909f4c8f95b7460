// The roles a person can have, in the order admins pick from, and the picker itself.
import type { Role } from "@rehome/client";
import type { ComponentProps } from "react";
import { SelectField } from "../components/Field";

export const ROLES: Role[] = ["admin", "team", "consultant", "client"];

export const RoleOptions = () => ROLES.map((role) => <option key={role}>{role}</option>);

/** A labelled role picker; new people start as clients, the least they can see. */
export function RoleField(props: { label: string } & ComponentProps<"select">) {
  return (
    <SelectField defaultValue="client" {...props}>
      <RoleOptions />
    </SelectField>
  );
}
