// A project's schedule as a secret, revocable .ics calendar feed: who may share one, the token,
// and the calendar it serves. The feed is read without a session, so it trusts only its token.
export * as Calendar from "./calendar";
