// A person's notifications (mentioned, assigned to a task, added to a project): stored, listed,
// marked read, and pushed live on `private-users.{id}` as `notification.created`. A client's
// notifications about an item made internal are hidden until it is client-visible again.
export * as Notification from "./notification";
