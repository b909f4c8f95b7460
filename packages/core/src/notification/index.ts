// A person's notifications (mentioned, assigned to a task, added to a project): stored, listed,
// marked read, and pushed live on `private-users.{id}` as `notification.created`.
export * as Notification from "./notification";
