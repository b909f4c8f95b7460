// The audit log of admin actions (and admin-agent questions) per workspace, listable by admins.
export * as Audit from "./audit";
