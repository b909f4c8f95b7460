// Invitations: an admin invites a person by email (single-use, expiring link); accepting sets
// their name and password and signs them in.
export * as Invite from "./invite";
