// Change orders of a project: staff draft, edit and send one; the project's clients approve or
// decline it with a typed signature, kept with a snapshot that never changes; the running totals.
export * as ChangeOrder from "./change-order";
