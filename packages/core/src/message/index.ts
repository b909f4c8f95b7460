// A project's message thread: post, list newest first, edit or delete your own within a window;
// @mentions notify the people named. Events go to `private-projects.{id}`.
export * as Message from "./message";
