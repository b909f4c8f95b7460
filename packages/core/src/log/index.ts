// The one JSON logger (AWS Lambda Powertools). Request-scoped keys (requestId, userId,
// workspaceId, runId) are appended by the edge that knows them, never by domain code.
import { Logger } from "@aws-lambda-powertools/logger";
import { config } from "../config";
import { once } from "../util";

export const logger = once(() => {
  const { logLevel, version, stage } = config();
  return new Logger({
    serviceName: "rehome",
    logLevel: logLevel === "SILENT" ? "SILENT" : logLevel,
    persistentKeys: { version, stage },
  });
});
