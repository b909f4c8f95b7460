// What the agent worker writes, and only it: writing a summary calls the models, so the functions
// that read summaries (the API) import the Summary namespace, never this.
export { writeMilestone } from "./milestone";
export { writeMeeting } from "./minutes";
export { writeProjectDigest, writeWorkspaceRollup } from "./write";
