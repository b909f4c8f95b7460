// The Lambda handlers the local runtime invokes: the very modules deployed to AWS.

import { handler as agentDeadLetters } from "@rehome/functions/agent-dead-letters";
import { handler as agentWorker } from "@rehome/functions/agent-worker";
import { createApp } from "@rehome/functions/api/app";
import { handler as digestSchedule } from "@rehome/functions/digest-schedule";
import { handler as connect } from "@rehome/functions/ws-connect";
import { handler as message } from "@rehome/functions/ws-default";
import { handler as disconnect } from "@rehome/functions/ws-disconnect";

export const httpApp = createApp;
export const websocket = { connect, disconnect, default: message };
export { agentDeadLetters, agentWorker, digestSchedule };
