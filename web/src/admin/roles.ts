// The roles a person can have, in the order admins pick from.
import type { Role } from "@rehome/client";

export const ROLES: Role[] = ["admin", "team", "consultant", "client"];
