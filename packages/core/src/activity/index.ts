// The activity log of a project: who did what, when. Written by each mutation after its write.
export * as Activity from "./activity";
