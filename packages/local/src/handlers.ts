// The Lambda handlers the local runtime invokes: the very modules deployed to AWS (the agent
// worker's without its Lambda entry's heap flags, which would apply to this whole process).

import { handler as agentWorker } from "@rehome/functions/agent/worker";
import { handler as agentDeadLetters } from "@rehome/functions/agent-dead-letters";
import { createApp } from "@rehome/functions/api/app";
import { handler as digestSchedule } from "@rehome/functions/digest-schedule";
import { handler as connect } from "@rehome/functions/ws-connect";
import { handler as message } from "@rehome/functions/ws-default";
import { handler as disconnect } from "@rehome/functions/ws-disconnect";

export const httpApp = createApp;
export const websocket = { connect, disconnect, default: message };
export { agentDeadLetters, agentWorker, digestSchedule };
