// People of a workspace: one role each, unique email across the whole service.
export * as User from "./user";
