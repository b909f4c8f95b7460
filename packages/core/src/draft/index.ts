// Drafts the assistant writes for a person to decide on: a change order proposed from chosen
// messages, and today's update for the homeowner. The assistant never creates or sends anything.
export * as Draft from "./draft";
