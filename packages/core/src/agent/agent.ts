export { failAbandoned, GAVE_UP, StreamStillLeased } from "./abandoned";
export { AgentRun, Asked, AskInput, ask, cancel, messages } from "./conversation";
export { Events } from "./events";
export { enqueue, Job, MAX_RECEIVES, park, parseJob } from "./job";
export { AgentMessage } from "./message";
export {
  CreateThreadInput,
  createForProject,
  createForWorkspace,
  get as getThread,
  ListThreadsInput,
  listForProject,
  listForWorkspace,
  Thread,
  UpdateThreadInput,
  update as updateThread,
} from "./thread";
