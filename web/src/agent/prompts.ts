// Quick prompts offered as chips; admins get the workspace-level ones too.
import type { Role } from "@rehome/client";

const EVERYONE = ["What changed today?", "My tasks this week", "Summarize last 20 messages"];
const ADMINS = ["Overdue by assignee", "Blocked tasks", "Last week highlights"];

export const promptsFor = (role: Role | undefined) =>
  role === "admin" ? [...EVERYONE, ...ADMINS] : EVERYONE;
