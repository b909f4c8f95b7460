// A project's daily site log: one log per day (weather, crew, work done, delays, photos), written
// by staff, shared with the project's clients or kept internal. Events go to `private-projects.{id}`.
export * as SiteLog from "./site-log";
