// The demo data of `npm start`: two workspaces, one person per role, projects with tasks.
// Local stage only: it refuses to run anywhere else.
export * as Demo from "./demo";
