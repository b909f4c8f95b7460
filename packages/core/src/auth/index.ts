// Sign-in, bearer-token authentication and sign-out. Turns a bearer string into an Actor.
export * as Auth from "./auth";
